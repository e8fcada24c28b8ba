package io.firecheck.bench;

import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.replay.FixtureGate;
import io.firecheck.replay.ReplayOutcome;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reload phases in one JVM, as the service does them: load (compile with the loader's cache, metadata,
 * absent-field probe) and the fixture gate, for a reload of the same files, of one changed DRL file, of one
 * rule's title reworded (the cluster test's change: the probe has passed a set of the same behaviour) and of a
 * changed thresholds.properties; wall and process CPU time. Run by {@code bench/reload.sh}; not a test.
 */
public final class ReloadTimings {
    private static final Logger DROOLS = Logger.getLogger("org.drools");

    public static void main(String[] args) {
        Logger.getLogger("").setLevel(Level.INFO); // as the service sets them (application.properties)
        DROOLS.setLevel(Level.WARNING);
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        Path fixtures = Path.of(args.length > 1 ? args[1] : "test-fixtures");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RuleSetLoader loader = new RuleSetLoader();
        Map<String, String> base = RuleSetLoader.readFiles(rules);
        String someDrl = base.keySet().stream().filter(f -> f.endsWith(".drl")).reduce((a, b) -> b).orElseThrow();
        System.out.println("round change      load ms (cpu)   gate ms (cpu)   total ms");
        for (int i = 0; i < rounds; i++) {
            for (String change : List.of("first", "one-file", "wording", "thresholds")) {
                if (i > 0 && change.equals("first")) {
                    continue;
                }
                Map<String, String> files = new LinkedHashMap<>(base);
                if (change.equals("one-file")) {
                    files.put(someDrl, files.get(someDrl) + "\n// edit " + i + "\n");
                } else if (change.equals("wording")) {
                    files.put("shafts.drl", files.get("shafts.drl").replace("@title(\"Shaft wall fire resistance below 1.00 h\")",
                            "@title(\"Shaft wall rating (edit " + i + ")\")"));
                } else if (change.equals("thresholds")) {
                    files.put("thresholds.properties", files.get("thresholds.properties") + "\n# edit " + i + "\n");
                }
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                RuleSet set;
                try {
                    set = loader.load(files, "bench");
                } catch (io.firecheck.engine.RuleSetInvalidException e) {
                    throw new IllegalStateException(e.problems().toString(), e);
                }
                long c1 = os.getProcessCpuTime();
                long t1 = System.nanoTime();
                List<ReplayOutcome> failing = FixtureGate.failures(set, fixtures);
                long c2 = os.getProcessCpuTime();
                long t2 = System.nanoTime();
                System.out.printf("%5d %-10s %6d (%5d)   %6d (%5d)   %6d%s%n", i, change, (t1 - t0) / 1_000_000,
                        (c1 - c0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, (t2 - t0) / 1_000_000,
                        failing.isEmpty() ? "" : "  " + failing.size() + " fixture(s) FAIL");
            }
        }
    }
}
