package io.firecheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The benchmarks of {@link EvaluationBenchmark} timed by the CPU time of the thread that runs them, not by the
 * wall clock: on two cores shared with other work a thread waits for the CPU, and JMH's throughput then
 * measures the machine's load. CPU time per evaluation is what one free core would give (1 s / that time).
 * Usage (bench/jmh.sh --cpu): warm-up seconds (each benchmark), rounds, evaluations per round, and optionally the one
 * benchmark to run. The rounds of the benchmarks alternate: on a shared machine each sees the same load.
 */
public final class CpuPerEvaluation {
    private CpuPerEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        double warmupS = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        EvaluationBenchmark b = new EvaluationBenchmark();
        b.setUp();
        Map<String, Supplier<Object>> runs = new LinkedHashMap<>();
        runs.put("compliantTower", b::compliantTower);
        runs.put("compliantTowerBareDrools", b::compliantTowerBareDrools);
        runs.put("towerWithEightFindings", b::towerWithEightFindings);
        runs.put("towerWithEightFindingsBareDrools", b::towerWithEightFindingsBareDrools);
        if (args.length > 3) {
            runs.keySet().retainAll(List.of(args[3]));
        }
        Map<String, Double> median = measure(runs, warmupS, rounds, perRound);
        if (median.size() < 4) {
            return;
        }
        System.out.printf("full / bare (ops/s): compliant tower %.2f, tower with eight findings %.2f%n",
                median.get("compliantTowerBareDrools") / median.get("compliantTower"),
                median.get("towerWithEightFindingsBareDrools") / median.get("towerWithEightFindings"));
    }

    /**
     * Warms each run up for {@code warmupS} seconds, then times {@code rounds} rounds of {@code perRound} calls of
     * each by thread CPU time, printing min, median and max µs per call; answers the medians, by run.
     */
    static Map<String, Double> measure(Map<String, Supplier<Object>> runs, double warmupS, int rounds, int perRound) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (var run : runs.entrySet()) {
            long until = System.nanoTime() + (long) (warmupS * 1e9);
            while (System.nanoTime() < until) {
                sink += run.getValue().get().hashCode();
            }
        }
        // the rounds of the benchmarks alternate, so that a change in the machine's load falls on all of them alike
        Map<String, List<Double>> us = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (var run : runs.entrySet()) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    sink += run.getValue().get().hashCode();
                }
                us.computeIfAbsent(run.getKey(), k -> new ArrayList<>()).add((cpu.getCurrentThreadCpuTime() - t0) / 1e3 / perRound);
            }
        }
        System.out.printf("%-34s %12s %12s %12s %14s%n", "benchmark", "min us/op", "median", "max", "ops/s per core");
        Map<String, Double> median = new LinkedHashMap<>();
        for (var e : us.entrySet()) {
            List<Double> v = e.getValue();
            Collections.sort(v);
            double med = v.get(v.size() / 2);
            median.put(e.getKey(), med);
            System.out.printf("%-34s %12.1f %12.1f %12.1f %14.0f%s%n", e.getKey(), v.get(0), med, v.get(v.size() - 1), 1e6 / med,
                    sink == 42 ? " " : "");
        }
        return median;
    }
}
