package io.firecheck.engine;

import java.util.List;

/** A catalogue entry as read from the metadata of the compiled rules (one per rule id). */
public record RuleInfo(
        String id,
        String area,
        Level level,
        String titleZh,
        String title,
        String basis,
        String rectification,
        List<String> appliesWhen,
        List<String> needs,
        String file) {
}
