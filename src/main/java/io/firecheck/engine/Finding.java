package io.firecheck.engine;

/** One hazard found: the evidence comes from the rule's consequence, everything else from its metadata. */
public record Finding(
        String ruleId,
        String area,
        Level level,
        String titleZh,
        String title,
        String evidence,
        String basis,
        String rectification,
        boolean correctedOnSite) {
}
