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
        assertEquals("三知：不知消防设施；一联通：未与消防救援站联通", evidence("MFS-READINESS", d ->
                ((ObjectNode) d.get("microFireStation").get("readiness")).put("knowsFacilities", false).put("linkedToFireStation", false)));
    }

    @Test
    void severalShaftsAreEachNamed() throws Exception {
        String min = ShippedRules.threshold("shaft.wall.minFireResistanceH");
        assertEquals("1号电缆井：井壁耐火极限 0.75 h < " + min + " h；2号管道井：井壁耐火极限 0.5 h < " + min + " h", evidence("SHAFT-WALL-RATING", d -> {
            ((ObjectNode) d.get("shafts").get(0)).put("wallFireResistanceH", 0.75);
            ObjectNode second = ((ObjectNode) d.get("shafts").get(0)).deepCopy();
            second.put("kind", "PIPE").put("wallFireResistanceH", 0.5);
            d.withArray("shafts").add(second);
        }));
    }

    @Test
    void readinessNamesTheFailedAbility() throws Exception {
        assertEquals("四会：不会扑救初起火灾", evidence("MFS-READINESS", d ->
                ((ObjectNode) d.get("microFireStation").get("readiness")).put("canFightInitialFire", false)));
    }

    @Test
    void shaftDoorsAreNamedByTheirChineseClass() throws Exception {
        assertEquals("1号电缆井：超高层建筑检查门为丙级防火门，应为甲级", evidence("SHAFT-DOOR-CLASS",
                d -> ((ObjectNode) d.get("building")).put("heightM", 120.0)));
    }

    @Test
    void overdueDatesCountFromTheInspection() throws Exception {
        assertEquals("最近一次全面检测 2025-11-19，距检查日已超过 12 个月", evidence("MGMT-FACILITY-TEST",
                d -> ((ObjectNode) d.get("management")).put("lastFacilityTestDate", "2025-11-19")));
    }

    @Test
    void aRequiredSystemSaysWhereTheRequirementCameFrom() throws Exception {
        assertEquals("设有商店，未设置自动喷水灭火系统（高层建筑内设有商店，按 GB 50016 5.4.10、8.3.3 应设自动喷水灭火系统）",
                evidence("SYS-REQUIRED-MISSING", d -> ((ObjectNode) d.get("fireSystems")).put("sprinkler", "NOT_INSTALLED")));
        assertEquals("未设置自动喷水灭火系统（住宅建筑高度 120 m > 100 m，按 GB 50016 8.3.3 应设自动喷水灭火系统）",
                evidence("SYS-SPRINKLER-MISSING", d -> {
                    ((ObjectNode) d.get("building")).put("heightM", 120).putArray("placeTypes");
                    ((ObjectNode) d.get("fireSystems")).put("sprinkler", "NOT_INSTALLED").remove("requiredByDesign");
                }));
    }

    @Test
    void exitWidthShowsTheExactPercentage() throws Exception {
        assertEquals("安全出口 4/4 个；疏散宽度 4.7/6.0 m = 78.3%（应不低于 " + ShippedRules.threshold("evacuation.exitWidth.minPercent")
                + "%）", evidence("EVAC-EXITS-SHORT",
                d -> ((ObjectNode) d.get("evacuation")).put("exitWidthProvidedM", 4.7)));
    }
}
