package io.firecheck.cli;

import io.firecheck.replay.ReplayOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The replay's table for people and its JUnit XML for CI dashboards. */
final class ReplayReport {
    private ReplayReport() {
    }

    static void table(List<ReplayOutcome> outcomes, PrintStream out) {
        int width = Math.max("fixture".length(), outcomes.stream().mapToInt(o -> o.fixture().length()).max().orElse(0));
        String format = "%-4s %-" + width + "s  %-40s  %-40s  %s%n";
        out.printf(format, "", "fixture", "expected", "got", "difference");
        for (ReplayOutcome o : outcomes) {
            out.printf(format, o.passed() ? "ok" : "FAIL", o.fixture(), cut(o.expected()), o.passed() ? "" : cut(o.got()),
                    String.join("; ", o.differences()));
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.println();
        out.println("fixtures: " + (outcomes.size() - failed) + " passed, " + failed + " failed");
    }

    static void junit(List<ReplayOutcome> outcomes, Path file) throws IOException {
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"fixture-replay\" tests=\"").append(outcomes.size())
                .append("\" failures=\"").append(failed).append("\" errors=\"0\" skipped=\"0\">\n");
        for (ReplayOutcome o : outcomes) {
            int slash = o.fixture().lastIndexOf('/');
            String group = slash < 0 ? "fixtures" : "fixtures." + o.fixture().substring(0, slash).replace('/', '.');
            xml.append("  <testcase classname=\"").append(escape(group)).append("\" name=\"")
                    .append(escape(o.fixture().substring(slash + 1))).append('"');
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

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
