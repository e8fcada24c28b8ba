package io.firecheck.engine;

import io.firecheck.inspection.InspectionDocument;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rejects a rule set in which a rule throws when an optional field is absent. Absent means "not
 * inspected": such a rule would turn a valid document into a 500 instead of a "not assessed". The probe
 * builds documents with every field present (two sets of values, so that more conditions are reached),
 * then evaluates each once more with one optional field or section removed at a time.
 */
final class AbsentFieldProbe {
    private static final Pattern RULE_NAME = Pattern.compile("[Rr]ule \"([^\"]+)\"");
    private static final Set<String> REQUIRED = Set.of("NotNull", "NotBlank");

    /** Text shown to people only: what these annotations say never decides whether an evaluation throws. */
    private static final Pattern DISPLAY_TEXT = Pattern.compile("@(titleZh|title|basis|rectification)\\(\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\)");
    private static final Pattern HEADER_END = Pattern.compile("\\b(when|then|end)\\b");

    private AbsentFieldProbe() {
    }

    /**
     * A hash of everything an evaluation's behaviour can depend on in these files: each file's name and text,
     * with the quoted text of {@code @title}, {@code @titleZh}, {@code @basis} and {@code @rectification}
     * blanked in rule headers (from {@code rule "…"} up to the first line that holds {@code when}, {@code then} or
     * {@code end}, that line excluded), where nothing but attributes and annotations can stand ({@link ProbeVerdicts}). Those four are
     * only copied into findings; an annotation written any other way, or elsewhere, is hashed as it is.
     */
    static String behaviourKey(Map<String, String> files) {
        Map<String, String> behaviour = new LinkedHashMap<>();
        files.forEach((name, text) -> behaviour.put(name, name.endsWith(".drl") ? withoutDisplayText(text) : text));
        return RuleSetLoader.version(behaviour);
    }

    static String withoutDisplayText(String drl) {
        String[] lines = drl.split("\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            header |= RuleSetLoader.RULE_LINE.matcher(lines[i]).find();
            header &= !HEADER_END.matcher(lines[i]).find();
            if (header) {
                lines[i] = DISPLAY_TEXT.matcher(lines[i]).replaceAll("@$1(\"\")");
            }
        }
        return String.join("\n", lines);
    }

    /**
     * One problem per rule that throws, naming the first absent field that makes it throw. The documents are
     * evaluated on every core; the first failure per rule is taken in document order, as one thread would.
     */
    static List<RuleProblem> check(RuleSet set, Map<String, String> files) {
        Evaluator evaluator = new Evaluator();
        List<String> paths = optionalPaths(InspectionDocument.class, "");
        List<Probe> probes = new ArrayList<>();
        for (Values values : Values.values()) {
            paths.forEach(path -> probes.add(new Probe(values, path)));
        }
        List<RuntimeException> thrown = Parallel.map(probes, probe -> {
            try {
                evaluator.evaluate(set, (InspectionDocument) build(InspectionDocument.class, null, "", probe.path(), probe.values()));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Map<String, RuleProblem> byRule = new LinkedHashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            RuntimeException e = thrown.get(i);
            if (e != null) {
                String rule = ruleName(e);
                byRule.putIfAbsent(rule, problem(rule, probes.get(i).path(), e, files));
            }
        }
        return List.copyOf(byRule.values());
    }

    /** One document to evaluate: every field filled with {@code values}, but {@code path} absent. */
    private record Probe(Values values, String path) {
    }

    /** Every optional field and section, as a dotted path (list elements are entered, not counted). */
    static List<String> optionalPaths(Class<?> type, String prefix) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix + c.getName();
            if (!required(c)) {
                out.add(path);
            }
            Class<?> inner = List.class.isAssignableFrom(c.getType()) ? element(c.getGenericType()) : c.getType();
            if (inner.isRecord()) {
                out.addAll(optionalPaths(inner, path + "."));
            }
        }
        return out;
    }

    private static boolean required(RecordComponent c) {
        for (Annotation a : c.getAccessor().getAnnotations()) {
            if (REQUIRED.contains(a.annotationType().getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    /** Two complete sets of field values: "all yes, counts of one, tall" and "all no, zero, low". */
    private enum Values {
        HIGH(true, 1, new BigDecimal("150"), LocalDate.of(2026, 6, 1)),
        LOW(false, 0, BigDecimal.ZERO, LocalDate.of(2020, 1, 1));

        final boolean bool;
        final int count;
        final BigDecimal number;
        final LocalDate date;

        Values(boolean bool, int count, BigDecimal number, LocalDate date) {
            this.bool = bool;
            this.count = count;
            this.number = number;
            this.date = date;
        }

        <T> T pick(T[] constants) {
            return this == HIGH ? constants[0] : constants[constants.length - 1];
        }
    }

    private static Object build(Class<?> type, Type generic, String path, String absent, Values v) {
        if (path.equals(absent)) {
            return null;
        }
        if (type.isRecord()) {
            RecordComponent[] cs = type.getRecordComponents();
            Object[] args = new Object[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                types[i] = cs[i].getType();
                args[i] = build(cs[i].getType(), cs[i].getGenericType(),
                        (path.isEmpty() ? "" : path + ".") + cs[i].getName(), absent, v);
            }
            try {
                return type.getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
            }
        }
        if (List.class.isAssignableFrom(type)) {
            Class<?> element = element(generic);
            // a list element is entered with the list's own path, so its fields are absent one at a time
            return List.of(element == String.class ? "PROBE" : build(element, null, path, absent, v));
        }
        if (type == Boolean.class) {
            return v.bool;
        }
        if (type == Integer.class) {
            return v.count;
        }
        if (type == BigDecimal.class) {
            return v.number;
        }
        if (type == LocalDate.class) {
            return v.date;
        }
        if (type == String.class) {
            return "PROBE";
        }
        if (type.isEnum()) {
            return v.pick(type.getEnumConstants());
        }
        throw new IllegalStateException("the probe cannot fill a field of type " + type.getName());
    }

    private static Class<?> element(Type generic) {
        Type t = ((ParameterizedType) generic).getActualTypeArguments()[0];
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static String ruleName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = RULE_NAME.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return "?";
    }

    private static RuleProblem problem(String rule, String path, RuntimeException e, Map<String, String> files) {
        String message = "rule \"" + rule + "\" fails when `" + path + "` is absent (not inspected): " + rootCause(e)
                + ". Guard the field in the condition (e.g. `x != null, x.y > 0`, or a function that answers false"
                + " for null) so that the rule stays silent and is reported under notAssessed";
        Pattern declaration = Pattern.compile("^\\s*rule\\s+\"" + Pattern.quote(rule) + "\"");
        for (Map.Entry<String, String> f : files.entrySet()) {
            String[] lines = f.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (declaration.matcher(lines[i]).find()) {
                    return new RuleProblem(f.getKey(), i + 1, message);
                }
            }
        }
        return new RuleProblem("?", 0, message);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
    }
}
