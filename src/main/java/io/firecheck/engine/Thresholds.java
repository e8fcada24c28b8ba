package io.firecheck.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The named numbers and lists of thresholds.properties. Rules read them through the global {@code th};
 * every name a rule uses is checked when the rule set loads, so a lookup here never fails at run time.
 * Rules keep naming thresholds as staff write them ({@code th.num("...")}); each value is parsed once, on its
 * first use, so a constraint evaluation costs one map lookup, not a parse.
 */
public final class Thresholds {
    public static final String FILE = "thresholds.properties";

    private final Map<String, Entry> entries;
    private final Map<String, BigDecimal> nums = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, LocalDate> dates = new ConcurrentHashMap<>();
    private final Map<Object, Object> derived = new ConcurrentHashMap<>();

    public record Entry(String name, String value, int line) {
    }

    Thresholds(Map<String, Entry> entries) {
        this.entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries)); // file order, for people reading it
    }

    /**
     * One line of the file, numbered from 1: {@code raw} as written (a CRLF file's lines end in {@code \r}); an entry
     * has a {@code name} and {@code value}, a comment line its {@code comment} (the text after {@code #}); a line with
     * neither, and not blank, is a slip the loader reports.
     */
    public record Line(int number, String raw, String name, String value, String comment) {
        public boolean entry() {
            return name != null;
        }

        public boolean blank() {
            return raw.isBlank();
        }

        /** The line without its surrounding blanks. */
        public String text() {
            return raw.strip();
        }
    }

    /**
     * The file's lines: the one reading of {@code name = value} for the loader and for whatever edits the file
     * (the Rules page's form, the rewrite of changed values), so that they agree on which line holds which name.
     */
    public static List<Line> lines(String text) {
        String[] raw = text.split("\n", -1);
        List<Line> out = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            int eq = line.indexOf('=');
            if (line.startsWith("#")) {
                out.add(new Line(i + 1, raw[i], null, null, line.substring(1).strip()));
            } else if (eq > 0) {
                out.add(new Line(i + 1, raw[i], line.substring(0, eq).strip(), line.substring(eq + 1).strip(), null));
            } else {
                out.add(new Line(i + 1, raw[i], null, null, null));
            }
        }
        return out;
    }

    /** Parses the file; problems are added to {@code problems} with their line. */
    static Thresholds parse(String text, List<RuleProblem> problems) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Line line : lines(text)) {
            String name = line.name();
            if (line.blank() || line.comment() != null) {
                continue;
            }
            if (!line.entry()) {
                problems.add(new RuleProblem(FILE, line.number(), "expected `name = value`, found `" + line.text() + "`"));
            } else if (!name.matches("[A-Za-z0-9_.]+")) {
                problems.add(new RuleProblem(FILE, line.number(), "threshold name `" + name + "` may hold only letters, digits, '.' and '_'"));
            } else if (line.value().isEmpty()) {
                problems.add(new RuleProblem(FILE, line.number(), "threshold `" + name + "` has no value"));
            } else if (entries.containsKey(name)) {
                problems.add(new RuleProblem(FILE, line.number(), "threshold `" + name + "` is already defined on line " + entries.get(name).line()));
            } else {
                entries.put(name, new Entry(name, line.value(), line.number()));
            }
        }
        return new Thresholds(entries);
    }

    public BigDecimal num(String name) {
        BigDecimal n = nums.get(name);
        return n != null ? n : nums.computeIfAbsent(name, k -> new BigDecimal(require(k).value()));
    }

    public int count(String name) {
        return num(name).intValueExact();
    }

    public List<String> list(String name) {
        List<String> l = lists.get(name);
        return l != null ? l : lists.computeIfAbsent(name,
                k -> Arrays.stream(require(k).value().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    /** A label or other free text, as written. */
    public String text(String name) {
        return require(name).value();
    }

    public LocalDate date(String name) {
        LocalDate d = dates.get(name);
        return d != null ? d : dates.computeIfAbsent(name, k -> LocalDate.parse(require(k).value()));
    }

    /**
     * What the engine reads out of these thresholds (the determination's categories, say), worked out once:
     * {@code key} names it, {@code read} builds it from the thresholds.
     */
    @SuppressWarnings("unchecked")
    <T> T derived(Object key, Function<Thresholds, T> read) {
        Object v = derived.get(key);
        return v != null ? (T) v : (T) derived.computeIfAbsent(key, k -> read.apply(this));
    }

    public boolean has(String name) {
        return entries.containsKey(name);
    }

    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Map<String, String> asMap() {
        Map<String, String> out = new LinkedHashMap<>();
        entries.values().forEach(e -> out.put(e.name(), e.value()));
        return out;
    }

    private Entry require(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown threshold `" + name + "` in " + FILE);
        }
        return e;
    }

    /** Problem text when the named value cannot be read as the kind the caller wants, else null. */
    String kindProblem(String name, String kind) {
        Entry e = entries.get(name);
        if (e == null) {
            return "unknown threshold `" + name + "`: add it to " + FILE + " or correct the name";
        }
        try {
            switch (kind) {
                case "num" -> num(name);
                case "count" -> count(name);
                case "date" -> date(name);
                default -> { }
            }
            return null;
        } catch (ArithmeticException | NumberFormatException | java.time.format.DateTimeParseException ex) {
            return "threshold `" + name + "` = `" + e.value() + "` (" + FILE + " line " + e.line() + ") is not a "
                    + switch (kind) {
                        case "count" -> "whole number";
                        case "date" -> "date such as 2025-11-01";
                        default -> "number";
                    };
        }
    }
}
