package io.firecheck.bench;

import io.firecheck.engine.EvaluationResult;
import io.firecheck.engine.Evaluator;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.replay.LocalReplay;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.engine.facts.Findings;
import io.firecheck.engine.facts.ShaftEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.kie.api.runtime.KieSession;
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
 * tower with many findings, each beside the bare-Drools baseline on the same KieBase and facts (a new session,
 * the globals the rules read, insert, fireAllRules, dispose; no scope, determination or not-assessed), so the
 * ratio of issue #13's P1 comes from one run. Run with bench/jmh.sh; results in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluationBenchmark {
    RuleSet ruleSet;
    InspectionDocument compliant;
    InspectionDocument hazardous;
    final Evaluator evaluator = new Evaluator();
    List<Object> compliantFacts;
    List<Object> hazardousFacts;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // Outside Quarkus the log manager starts at level ALL (Quarkus' boot configurator buffers records until it
        // configures logging), and Drools then formats a trace line for every fact and match. Log as the service does.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        ruleSet = new RuleSetLoader().load(Path.of("rules"));
        var mapper = LocalReplay.mapper();
        compliant = mapper.readValue(Path.of("test-fixtures/base/residential-tower.json").toFile(), InspectionDocument.class);
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Path.of("test-fixtures/base/residential-tower.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("evacuation")).put("routesOrExitsBlocked", true).put("refugeFloor", "OCCUPIED");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("fireSystems")).put("fireAlarm", "FAULTY").put("sprinkler", "NOT_INSTALLED");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("controlRoom")).put("operatorsPerShift", 1).put("certifiedOperatorsPerShift", 0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("management")).put("lastDrillDate", "2024-01-01");
        hazardous = mapper.treeToValue(node, InspectionDocument.class);
        compliantFacts = facts(compliant);
        hazardousFacts = facts(hazardous);
    }

    /** The facts Evaluator inserts: each section of the document, the nested sections rules match, one entry per shaft. */
    static List<Object> facts(InspectionDocument doc) {
        List<Object> facts = new ArrayList<>();
        Stream.of(doc.inspection(), doc.building(), doc.exteriorInsulation(), doc.fireSystems(), doc.evacuation(),
                doc.fireSeparation(), doc.rescueAccess(), doc.electricalAndGas(), doc.controlRoom(), doc.microFireStation(),
                doc.eBikes(), doc.management(),
                doc.microFireStation() == null ? null : doc.microFireStation().readiness(),
                doc.eBikes() == null ? null : doc.eBikes().centralShed()).filter(Objects::nonNull).forEach(facts::add);
        for (int i = 0; i < doc.shafts().size(); i++) {
            facts.add(new ShaftEntry(i + 1, doc.shafts().get(i)));
        }
        return facts;
    }

    private int bareDrools(List<Object> facts) {
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            session.setGlobal("th", ruleSet.thresholds());
            session.setGlobal("findings", new Findings());
            for (Object fact : facts) {
                session.insert(fact);
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    public EvaluationResult compliantTower() {
        return evaluator.evaluate(ruleSet, compliant);
    }

    @Benchmark
    public EvaluationResult towerWithEightFindings() {
        return evaluator.evaluate(ruleSet, hazardous);
    }

    @Benchmark
    public int compliantTowerBareDrools() {
        return bareDrools(compliantFacts);
    }

    @Benchmark
    public int towerWithEightFindingsBareDrools() {
        return bareDrools(hazardousFacts);
    }
}
