package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.ShippedRules;
import io.firecheck.replay.LocalReplay;
import io.firecheck.inspection.InspectionDocument;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A consequence states the measured values; these are the texts officers read in the result. */
class EvidenceTest {
    static RuleSet rules;
    static final ObjectMapper MAPPER = LocalReplay.mapper();

    @BeforeAll
    static void load() throws Exception {
        rules = new RuleSetLoader().load(Path.of("rules"));
    }

    static String evidence(String ruleId, Consumer<ObjectNode> change) throws Exception {
        ObjectNode doc = (ObjectNode) MAPPER.readTree(Path.of("test-fixtures/base/residential-tower.json").toFile());
        change.accept(doc);
        EvaluationResult r = new Evaluator().evaluate(rules, MAPPER.treeToValue(doc, InspectionDocument.class));
        return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow().evidence();
    }

    @Test
    void stairDoorRateWithItsThreshold() throws Exception {
        int limit = Integer.parseInt(ShippedRules.threshold("evacuation.stairDoors.crowdedHighRise.maxDamagedPercent"));
        int damaged = limit + 2;
        assertEquals("楼梯间防火门损坏 " + damaged + "/100 = " + damaged + "% > " + limit + "%", evidence("EVAC-STAIR-DOORS",
                d -> ((ObjectNode) d.get("evacuation").get("stairwellFireDoors")).put("total", 100).put("damaged", damaged)));
    }

    @Test
    void readinessNamesTheFailedItemsByGroup() throws Exception {
        assertEquals("三知不合格：知消防设施；一联通不合格：与消防救援站联通", evidence("MFS-READINESS", d ->
                ((ObjectNode) d.get("microFireStation").get("readiness")).put("knowsFacilities", false).put("linkedToFireStation", false)));
    }

    @Test
    void severalShaftsAreEachNamed() throws Exception {
        String min = ShippedRules.threshold("shaft.wall.minFireResistanceH");
        assertEquals("电缆井 #1：井壁耐火极限 0.75 h < " + min + " h；管道井 #2：井壁耐火极限 0.5 h < " + min + " h", evidence("SHAFT-WALL-RATING", d -> {
            ((ObjectNode) d.get("shafts").get(0)).put("wallFireResistanceH", 0.75);
            ObjectNode second = ((ObjectNode) d.get("shafts").get(0)).deepCopy();
            second.put("kind", "PIPE").put("wallFireResistanceH", 0.5);
            d.withArray("shafts").add(second);
        }));
    }

    @Test
    void exitWidthShowsTheExactPercentage() throws Exception {
        assertEquals("安全出口 4/4 个；疏散宽度 4.7/6.0 m = 78.3%（应不低于 " + ShippedRules.threshold("evacuation.exitWidth.minPercent")
                + "%）", evidence("EVAC-EXITS-SHORT",
                d -> ((ObjectNode) d.get("evacuation")).put("exitWidthProvidedM", 4.7)));
    }
}
