package io.firecheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.firecheck.engine.EvaluationResult;
import io.firecheck.replay.Fixture;
import io.firecheck.replay.FixtureLoader;
import io.firecheck.replay.LocalReplay;
import io.firecheck.replay.Replay;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code explain} on a fixture file: its document is the base with the patch, and it says what it expects. */
final class ExplainFixture {
    private ExplainFixture() {
    }

    static boolean isFixture(JsonNode node) {
        return node.has("expect") && (node.has("base") || node.has("document"));
    }

    /** Loads the fixture the way the replay does, from the folder its {@code base} is relative to. */
    static Fixture find(Path file, JsonNode node) {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = absolute.getParent();
        String base = node.path("base").asText("");
        while (!base.isEmpty() && root != null && !Files.isRegularFile(root.resolve(base))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalArgumentException(file + ": the base document " + base + " is not found in any folder above it");
        }
        String rel = root.relativize(absolute).toString().replace('\\', '/');
        String name = rel.substring(0, rel.length() - ".json".length());
        if (rel.startsWith(FixtureLoader.BASE_DIR + "/")) {
            throw new IllegalArgumentException(file + ": a base document is not a fixture");
        }
        Path folder = root;
        List<Fixture> all = new LocalReplay().load(folder);
        return all.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": not read as a fixture under " + folder));
    }

    /** 0 when the result is what the fixture expects; otherwise each difference, and 1. */
    static int compare(Fixture fixture, EvaluationResult result, PrintStream out) {
        List<String> differences = Replay.differences(fixture, Replay.Observed.of(result));
        out.println();
        if (differences.isEmpty()) {
            out.println("测试用例 Fixture " + fixture.name() + ": 结果符合预期 the result is what it expects");
            return 0;
        }
        out.println("测试用例 Fixture " + fixture.name() + ": 结果与预期不符 the result differs from what it expects:");
        differences.forEach(d -> out.println("   " + d));
        return 1;
    }
}
