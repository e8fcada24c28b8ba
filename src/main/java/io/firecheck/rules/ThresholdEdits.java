package io.firecheck.rules;

import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.engine.Thresholds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Changing named thresholds without touching a file by hand: the fields of thresholds.properties with their
 * comments (for the Rules page's form), checks of new values (why one is refused, worded by the API and the
 * console each), and the serving set's files with the changed {@code name = value} lines written in place,
 * comments and order kept.
 */
public final class ThresholdEdits {
    /** The longest value accepted; the longest shipped one (a list of rule ids) is a few hundred characters. */
    public static final int MAX_VALUE = 2000;
    /** A section heading such as {@code # ---- 疏散 Evacuation (GB 35181-2017 7.3) ----}. */
    private static final Pattern SECTION = Pattern.compile("^#\\s*-{2,}\\s*(.*?)\\s*-{2,}\\s*$");

    private ThresholdEdits() {
    }

    /** One threshold as the file states it, with the comment written above it (or above its group). */
    public record Field(String name, String value, String comment) {
    }

    /** The thresholds under one section heading of the file. */
    public record Section(String title, List<Field> fields) {
    }

    /** One threshold whose value changes. */
    @Schema(name = "ThresholdChange")
    public record Change(String name, String from, String to) {
    }

    /** Why a value cannot be used; the API words it in English ({@link Invalid#en}), the console in Chinese. */
    public enum Refusal { UNKNOWN_NAME, EMPTY, NOT_ONE_LINE, NOT_A_NUMBER, NOT_A_DATE, NOTHING_CHANGED }

    /** A value that cannot be used, with the value serving (null for an unknown name); name null for the request as a whole. */
    public record Invalid(String name, Refusal refusal, String serving) {
        public String en() {
            return switch (refusal) {
                case UNKNOWN_NAME -> "unknown threshold; the names are those of GET /api/v1/rules (thresholds)";
                case EMPTY -> "a value";
                case NOT_ONE_LINE -> "one line of at most " + MAX_VALUE + " characters";
                case NOT_A_NUMBER -> "a number, as the value serving (" + serving + ")";
                case NOT_A_DATE -> "a date such as 2025-11-01, as the value serving";
                case NOTHING_CHANGED -> "no threshold differs from the value serving";
            };
        }
    }

    /** The candidate: the serving set's files with the changes written into thresholds.properties. */
    public record Candidate(Map<String, String> files, List<Change> changes) {
        public String version() {
            return RuleSetLoader.version(files);
        }
    }

    /** The file's thresholds by section, in file order. */
    public static List<Section> sections(String text) {
        Map<String, List<Field>> out = new LinkedHashMap<>();
        String section = "";
        List<String> comment = new ArrayList<>();
        String groupComment = "";
        boolean afterEntry = false;
        for (Thresholds.Line line : Thresholds.lines(text)) {
            var heading = SECTION.matcher(line.text());
            if (heading.matches()) {
                section = heading.group(1);
                comment.clear();
                afterEntry = false;
            } else if (line.comment() != null) {
                comment.add(line.comment());
                afterEntry = false;
            } else if (line.blank()) {
                comment.clear();
                afterEntry = false;
            } else if (line.entry()) {
                // a name right below another without its own comment belongs to that one's group (class1.residential, class1.other)
                groupComment = !comment.isEmpty() ? String.join(" ", comment) : afterEntry ? groupComment : "";
                out.computeIfAbsent(section, s -> new ArrayList<>()).add(new Field(line.name(), line.value(), groupComment));
                comment.clear();
                afterEntry = true;
            }
        }
        return out.entrySet().stream().map(e -> new Section(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /**
     * The serving set with the submitted values; a submitted value equal to the serving one is no change.
     *
     * @throws InvalidThresholdsException naming each value that cannot be used, or when nothing changes
     */
    public static Candidate candidate(RuleSet serving, Map<String, String> submitted) {
        Map<String, String> current = serving.thresholds().asMap();
        List<Change> changes = new ArrayList<>();
        List<Invalid> invalid = new ArrayList<>();
        submitted.forEach((name, value) -> {
            String from = current.get(name);
            String to = value == null ? "" : value.strip();
            if (from == null) {
                invalid.add(new Invalid(name, Refusal.UNKNOWN_NAME, null));
            } else if (!to.equals(from)) {
                Invalid problem = problem(name, from, to);
                if (problem == null) {
                    changes.add(new Change(name, from, to));
                } else {
                    invalid.add(problem);
                }
            }
        });
        if (invalid.isEmpty() && changes.isEmpty()) {
            invalid.add(new Invalid(null, Refusal.NOTHING_CHANGED, null));
        }
        if (!invalid.isEmpty()) {
            throw new InvalidThresholdsException(invalid);
        }
        Map<String, String> files = new TreeMap<>(serving.sources());
        files.put(Thresholds.FILE, rewrite(files.get(Thresholds.FILE), changes));
        return new Candidate(files, List.copyOf(changes));
    }

    /** A value the file cannot hold, or of another kind than the serving one (a number stays a number); null when fine. */
    static Invalid problem(String name, String from, String to) {
        Refusal refusal = to.isEmpty() ? Refusal.EMPTY
                : to.length() > MAX_VALUE || to.contains("\n") || to.contains("\r") ? Refusal.NOT_ONE_LINE
                : number(from) && !number(to) ? Refusal.NOT_A_NUMBER
                : date(from) && !date(to) ? Refusal.NOT_A_DATE : null;
        return refusal == null ? null : new Invalid(name, refusal, from);
    }

    /** The text with each changed {@code name = value} line replaced where it stands; every other line as it was. */
    static String rewrite(String text, List<Change> changes) {
        Map<String, String> to = new LinkedHashMap<>();
        changes.forEach(c -> to.put(c.name(), c.to()));
        return Thresholds.lines(text).stream().map(l -> !l.entry() || !to.containsKey(l.name()) ? l.raw()
                : l.name() + " = " + to.get(l.name()) + (l.raw().endsWith("\r") ? "\r" : "")).collect(Collectors.joining("\n"));
    }

    private static boolean number(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean date(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
