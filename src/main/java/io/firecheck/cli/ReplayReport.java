package io.firecheck.cli;

import io.firecheck.replay.Fixture;
import io.firecheck.replay.FixtureGate;
import io.firecheck.replay.Replay;
import io.firecheck.replay.ReplayOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The replay for people (failures, then the summary as the last line) and as JUnit XML with times for CI.
 * It also times each fixture, since the evaluation passes through it.
 */
final class ReplayReport {
    private final Map<String, Long> nanos = new ConcurrentHashMap<>(); // fixtures run on several threads
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();

    Function<Fixture, Replay.Observed> timed(Function<Fixture, Replay.Observed> evaluate) {
        return f -> {
            long t0 = System.nanoTime();
            try {
                return evaluate.apply(f);
            } finally {
                nanos.put(f.name(), System.nanoTime() - t0);
            }
        };
    }

    /** Failures in full; with {@code verbose} a line for every passing fixture too; the summary last. */
    void print(List<ReplayOutcome> outcomes, boolean verbose, Path junit, PrintStream out) {
        for (ReplayOutcome o : outcomes) {
            if (o.passed()) {
                if (verbose) {
                    out.println("ok   " + o.fixture() + "  " + o.expected());
                }
                continue;
            }
            out.println("FAIL " + o.fixture());
            out.println("     expected: " + o.expected());
            out.println("     got:      " + o.got());
            o.differences().forEach(d -> out.println("     " + d));
        }
        out.println("JUnit XML: " + junit);
        out.println(summary(outcomes) + String.format(Locale.ROOT, " (%.1f s)", seconds(System.nanoTime() - startNanos)));
    }

    static String summary(List<ReplayOutcome> outcomes) {
        long gaps = outcomes.stream().filter(ReplayReport::isCoverage).count();
        long failed = outcomes.stream().filter(o -> !o.passed()).count() - gaps;
        long passed = outcomes.stream().filter(ReplayOutcome::passed).count();
        return "fixtures: " + passed + " passed, " + failed + " failed"
                + (gaps == 0 ? "" : "; " + gaps + " missing (rules without a firing or a boundary fixture)");
    }

    void junit(String suite, List<ReplayOutcome> outcomes, Path file) throws IOException {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(outcomes.size())
                .append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(time(System.nanoTime() - startNanos)).append("\" timestamp=\"")
                .append(started.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "")).append("\">\n");
        for (ReplayOutcome o : outcomes) {
            int slash = o.fixture().lastIndexOf('/');
            String group = slash < 0 ? "fixtures" : "fixtures." + o.fixture().substring(0, slash).replace('/', '.');
            xml.append("  <testcase classname=\"").append(escape(group)).append("\" name=\"")
                    .append(escape(o.fixture().substring(slash + 1))).append("\" time=\"")
                    .append(time(nanos.getOrDefault(o.fixture(), 0L))).append('"');
            if (o.passed()) {
                xml.append("/>\n");
            } else {
                String diff = String.join("; ", o.differences());
                xml.append(">\n    <failure message=\"").append(escape(diff)).append("\">expected: ")
                        .append(escape(o.expected())).append("\ngot: ").append(escape(o.got())).append("\n")
                        .append(escape(diff)).append("</failure>\n  </testcase>\n");
            }
        }
        xml.append("</testsuite>\n");
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    private static boolean isCoverage(ReplayOutcome o) {
        return o.fixture().startsWith(FixtureGate.COVERAGE_ROW);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String time(long nanos) {
        return String.format(Locale.ROOT, "%.3f", seconds(nanos));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
