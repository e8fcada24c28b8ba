package io.firecheck.rules;

import io.firecheck.ShippedRules;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the service on a copy of rules/ that a test may break, so the real folder is never touched. */
public class CopiedRulesProfile implements QuarkusTestProfile {
    public static final Path DIR = copy("rules");
    /** The fixtures too, so that a test may break one without touching test-fixtures/. */
    static final Path FIXTURES = copy("test-fixtures");

    static Path copy(String folder) {
        try {
            return ShippedRules.copy(Path.of(folder), Files.createTempDirectory("firecheck-" + folder + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the original file back: each test starts from the shipped rules. */
    public static void restore(String file) {
        try {
            Files.copy(Path.of("rules", file), DIR.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void edit(String file, String from, String to) {
        ShippedRules.edit(DIR.resolve(file), from, to);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("firecheck.rules.dir", DIR.toString(), "firecheck.rules.fixtures-dir", FIXTURES.toString());
    }
}
