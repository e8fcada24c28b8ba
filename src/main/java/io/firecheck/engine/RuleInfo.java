package io.firecheck.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * A catalogue entry as read from the metadata of the compiled rules (one per rule id). A rule's level may
 * depend on the inspection date ({@code @levelFrom} with {@code @levelBefore}: before that date the
 * finding has the earlier level) or on the building ({@code @levelIf} with {@code @levelElse}: where the
 * condition does not hold the finding has the other level); levelFrom/levelIf are null when it does not.
 */
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
        String file,
        LocalDate levelFrom,
        Level levelBefore,
        String levelIf,
        Level levelElse) {

    /** The level of a finding of this rule in an inspection on that date; holds decides a @levelIf condition. */
    public Level levelOn(LocalDate date, Predicate<String> holds) {
        if (levelFrom != null && date != null && date.isBefore(levelFrom)) {
            return levelBefore;
        }
        if (levelIf != null && !holds.test(levelIf)) {
            return levelElse;
        }
        return level;
    }
}
