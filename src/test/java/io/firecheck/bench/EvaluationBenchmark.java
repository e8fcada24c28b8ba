package io.firecheck.bench;

import io.firecheck.engine.EvaluationResult;
import io.firecheck.engine.Evaluator;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.replay.LocalReplay;
import io.firecheck.inspection.InspectionDocument;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * In-process evaluation with the shipped rules: a compliant tower (every rule checked, nothing fires) and a
 * tower with many findings. Run with bench/jmh.sh; results in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluationBenchmark {
    RuleSet ruleSet;
    InspectionDocument compliant;
    InspectionDocument hazardous;
    final Evaluator evaluator = new Evaluator();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ruleSet = new RuleSetLoader().load(Path.of("rules"));
        var mapper = LocalReplay.mapper();
        compliant = mapper.readValue(Path.of("test-fixtures/base/residential-tower.json").toFile(), InspectionDocument.class);
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Path.of("test-fixtures/base/residential-tower.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("evacuation")).put("routesOrExitsBlocked", true).put("refugeFloor", "OCCUPIED");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("fireSystems")).put("fireAlarm", "FAULTY").put("sprinkler", "NOT_INSTALLED");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("controlRoom")).put("operatorsPerShift", 1).put("certifiedOperatorsPerShift", 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("management")).put("lastDrillDate", "2024-01-01");
        hazardous = mapper.treeToValue(node, InspectionDocument.class);
    }

    @Benchmark
    public EvaluationResult compliantTower() {
        return evaluator.evaluate(ruleSet, compliant);
    }

    @Benchmark
    public EvaluationResult towerWithEightFindings() {
        return evaluator.evaluate(ruleSet, hazardous);
    }
}
