package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.replay.LocalReplay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Evaluations reuse sessions of their rule set; none may see what an earlier one inserted or found. */
class SessionPoolTest {
    static final ObjectMapper MAPPER = LocalReplay.mapper();
    /** A consequence that fails, to leave a session in the middle of firing. */
    static final String BOOM = """
            package firecheck;
            import io.firecheck.inspection.*;
            global io.firecheck.engine.Thresholds th;
            global io.firecheck.engine.facts.Findings findings;
            rule "T-BOOM"
                @id("T-BOOM") @area("test") @level("GENERAL") @titleZh("故障") @title("Fails") @basis("test") @rectification("none")
                @needs("building.name")
            when
                Building(name == "BOOM")
            then
                throw new IllegalStateException("a consequence failed");
            end
            """;
    static RuleSet pooled;
    static InspectionDocument twoFindings;
    static InspectionDocument none;
    static InspectionDocument notAssessed;
    static InspectionDocument failing;

    @BeforeAll
    static void load() throws Exception {
        pooled = ruleSet();
        twoFindings = doc(s -> s.put("members", 5).put("arrivalSeconds", 181));
        none = doc(s -> { });
        notAssessed = doc(s -> s.remove("members"));
        failing = doc(s -> { });
        failing = MAPPER.treeToValue(((ObjectNode) MAPPER.valueToTree(failing)).set("building",
                ((ObjectNode) MAPPER.valueToTree(failing.building())).put("name", "BOOM")), InspectionDocument.class);
    }

    static RuleSet ruleSet() throws RuleSetInvalidException {
        Map<String, String> files = new LinkedHashMap<>(RuleSetLoader.readFiles(Path.of("src/test/resources/small-rules/rules")));
        files.put("boom.drl", BOOM);
        return new RuleSetLoader().load(files, "test");
    }

    static InspectionDocument doc(Consumer<ObjectNode> station) throws Exception {
        ObjectNode d = (ObjectNode) MAPPER.readTree(Path.of("src/test/resources/small-rules/fixtures/base/station.json").toFile());
        station.accept((ObjectNode) d.get("microFireStation"));
        return MAPPER.treeToValue(d, InspectionDocument.class);
    }

    /** The result on a rule set whose sessions have never been used. */
    static EvaluationResult fresh(InspectionDocument doc) throws Exception {
        return new Evaluator().evaluate(ruleSet(), doc);
    }

    @Test
    void aReusedSessionKeepsNothingOfTheEvaluationBefore() throws Exception {
        RuleSet set = ruleSet();
        Evaluator evaluator = new Evaluator();
        EvaluationResult found = evaluator.evaluate(set, twoFindings);
        assertEquals(List.of("T-ARRIVAL", "T-MEMBERS"), found.findings().stream().map(Finding::ruleId).sorted().toList());
        // loading may leave idle sessions behind (the absent-field probe evaluates on every core)
        int idle = set.prepared().sessions().idleCount();
        for (InspectionDocument doc : List.of(none, notAssessed, twoFindings, none)) {
            assertEquals(fresh(doc), evaluator.evaluate(set, doc));
        }
        assertEquals(List.of(), evaluator.evaluate(set, none).findings());
        assertEquals(List.of("T-MEMBERS"), evaluator.evaluate(set, notAssessed).notAssessed().stream().map(NotAssessed::ruleId).toList());
        assertEquals(idle, set.prepared().sessions().idleCount(), "one evaluation at a time reuses a session, never adds one");
    }

    @Test
    void aSessionLeftByAFailureIsNotReused() throws Exception {
        Evaluator evaluator = new Evaluator();
        evaluator.evaluate(pooled, twoFindings);
        int idle = pooled.prepared().sessions().idleCount();
        assertThrows(RuntimeException.class, () -> evaluator.evaluate(pooled, failing));
        assertEquals(idle - 1, pooled.prepared().sessions().idleCount(), "the failed session was disposed, not given back");
        assertEquals(fresh(none), evaluator.evaluate(pooled, none));
        assertEquals(fresh(twoFindings), evaluator.evaluate(pooled, twoFindings));
    }

    @Test
    void concurrentEvaluationsGiveTheSequentialResults() throws Exception {
        List<InspectionDocument> docs = List.of(twoFindings, none, notAssessed);
        List<EvaluationResult> expected = new ArrayList<>();
        for (InspectionDocument d : docs) {
            expected.add(fresh(d));
        }
        Evaluator evaluator = new Evaluator();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int offset = t;
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int k = (i + offset) % docs.size();
                        if (!expected.get(k).equals(evaluator.evaluate(pooled, docs.get(k)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertTrue(run.get(), "a concurrent evaluation differed from the sequential one");
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(pooled.prepared().sessions().idleCount() <= 6);
    }
}
