package io.firecheck;

import io.firecheck.engine.RuleSetLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What tests of the shipped catalogue may know about it, read from rules/ itself: a fire officer who changes a
 * threshold or adds a rule as docs/rules-guide.md says must not have to change a test.
 */
public final class ShippedRules {
    public static final Path RULES = Path.of("rules");
    public static final Path FIXTURES = Path.of("test-fixtures");
    private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

    private ShippedRules() {
    }

    /** The rule ids written in the .drl files (several DRL rules may share one id). */
    public static Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Matcher m = ID.matcher(Files.readString(p));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** A value of rules/thresholds.properties as written there. */
    public static String threshold(String name) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(RULES.resolve("thresholds.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String value = p.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("rules/thresholds.properties has no " + name);
        }
        return value.strip();
    }

    /** Copies a folder tree (rules, fixtures) so a test can change it; returns {@code target}. */
    public static Path copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in a copied file; fails when the file does not hold {@code from}. */
    public static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalStateException(file + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files of rules/ by relative name, in name order, with one file changed: a candidate set for a test. */
    public static Map<String, String> withEdit(String file, UnaryOperator<String> change) {
        Map<String, String> files = new TreeMap<>(RuleSetLoader.readFiles(RULES));
        String changed = change.apply(files.get(file));
        if (changed.equals(files.get(file))) {
            throw new IllegalStateException("the change leaves " + file + " as it is");
        }
        files.put(file, changed);
        return files;
    }
}
