package io.firecheck.engine;

import io.firecheck.inspection.InspectionDocument;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/** "Did you mean": the nearest known name to a misspelt one, by edit distance. */
final class Suggest {
    private Suggest() {
    }

    /** The closest candidate when it is near enough to be a slip of the keyboard (about a third of the letters). */
    static Optional<String> closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(wrong.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDistance && !c.equals(wrong)) {
                best = c;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, wrong.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** The Chinese and English sentence to append, or "" when nothing is close. */
    static String didYouMean(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> "你是不是想写 `" + c + "`？(did you mean `" + c + "`?)").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The fields a rule may read on a fact: record components, or bean getters of the helper facts. */
    static List<String> fieldsOf(Class<?> type) {
        List<String> out = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                out.add(c.getName());
            }
            return out;
        }
        for (Method m : type.getMethods()) {
            String n = m.getName();
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class) {
                if (n.startsWith("get") && n.length() > 3) {
                    out.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
                } else if (n.startsWith("is") && n.length() > 2) {
                    out.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
                } else {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Every dotted path of the inspection document, e.g. {@code microFireStation.arrivalSeconds}. */
    static Collection<String> documentPaths() {
        Collection<String> out = new TreeSet<>();
        collect(InspectionDocument.class, "", out, 0);
        return out;
    }

    /** The record types reachable from the inspection document (its sections and list elements). */
    static Collection<Class<?>> documentTypes() {
        Collection<Class<?>> out = new java.util.LinkedHashSet<>();
        types(InspectionDocument.class, out);
        return out;
    }

    private static void types(Class<?> type, Collection<Class<?>> out) {
        if (!type.isRecord() || !out.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            if (List.class.isAssignableFrom(c.getType())) {
                if (c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
                    types(e, out);
                }
            } else {
                types(c.getType(), out);
            }
        }
    }

    private static void collect(Class<?> type, String prefix, Collection<String> out, int depth) {
        if (!type.isRecord() || depth > 4) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix + c.getName();
            out.add(path);
            Class<?> next = c.getType();
            if (List.class.isAssignableFrom(next)) {
                Type t = c.getGenericType();
                if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                    collect(element, path + "[].", out, depth + 1);
                }
            } else {
                collect(next, path + ".", out, depth + 1);
            }
        }
    }
}
