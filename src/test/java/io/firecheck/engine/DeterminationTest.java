package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.inspection.Building;
import io.firecheck.inspection.BuildingUse;
import io.firecheck.inspection.Inspection;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.inspection.PlaceType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Steps 2–8 of the determination, on findings made up for each case, with the shipped categories and lines. */
class DeterminationTest {
    static Thresholds th;
    static final ScopeResult CROWDED = new ScopeResult("HIGH_RISE_RESIDENTIAL", 1, false, true, List.of());
    static final ScopeResult PLAIN = new ScopeResult("HIGH_RISE_NON_RESIDENTIAL", 1, false, false, List.of());

    @BeforeAll
    static void thresholds() throws Exception {
        List<RuleProblem> problems = new ArrayList<>();
        th = Thresholds.parse(java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/determination/thresholds.properties")), problems);
        assertEquals(List.of(), problems);
    }

    static Finding f(String id, Level level) {
        return new Finding(id, "area", level, "t", "t", "e", "b", "r", false);
    }

    static List<Finding> elements(String... ids) {
        List<Finding> out = new ArrayList<>();
        for (String id : ids) {
            out.add(f(id, Level.ELEMENT));
        }
        return out;
    }

    static InspectionDocument doc(List<PlaceType> places, Boolean expert, Boolean outOfUse) {
        return doc(places, expert, outOfUse, LocalDate.of(2026, 11, 20));
    }

    static InspectionDocument doc(List<PlaceType> places, Boolean expert, Boolean outOfUse, LocalDate date) {
        Building b = new Building("B", null, null, "J", BuildingUse.PUBLIC, new BigDecimal("60"), null, false, places, false,
                expert, outOfUse, false);
        return new InspectionDocument(new Inspection("I", date, null, null), b, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    static Determination.Outcome decide(List<Finding> findings, Map<String, Level> notAssessed, ScopeResult scope,
                                        InspectionDocument doc) {
        return Determination.decide(findings, !notAssessed.isEmpty(), notAssessed, scope, doc, th);
    }

    static Determination.Outcome decide(List<Finding> findings, ScopeResult scope, InspectionDocument doc) {
        return decide(findings, Map.of(), scope, doc);
    }

    @Test
    void aDirectElementIsAMajorHazardWhateverTheCount() {
        var o = decide(List.of(f("SYS-REQUIRED-MISSING", Level.DIRECT), f("MGMT-PATROLS", Level.GENERAL)), PLAIN,
                doc(List.of(), false, false));
        assertEquals(Classification.MAJOR_HAZARD, o.classification());
        assertEquals(DeterminationMethod.DIRECT, o.result().method());
        assertEquals(List.of("SYS-REQUIRED-MISSING"), o.result().directFindings());
    }

    @Test
    void crowdedBuildingsCountKeyElementsFirst() {
        List<String> key = th.list("determination.crowded.keyElements");
        var o = decide(elements(key.get(0), key.get(1), key.get(2)), CROWDED, doc(List.of(PlaceType.SHOP), false, false));
        assertEquals(Classification.MAJOR_HAZARD, o.classification());
        assertEquals(DeterminationMethod.COMPREHENSIVE, o.result().method());
        assertEquals(th.count("determination.crowded.keyThreshold"), o.result().threshold());
        assertEquals(List.of(key.get(0), key.get(1), key.get(2)).stream().sorted().toList(), o.result().countedElements());
        assertTrue(o.result().thresholdRuleZh().startsWith(th.text("determination.crowded.labelZh") + "：")
                && o.result().thresholdRuleZh().endsWith("中任意 " + th.count("determination.crowded.keyThreshold") + " 项"),
                o.result().thresholdRuleZh());

        var two = decide(elements(key.get(0), key.get(1), "SYS-ALARM-FAULTY"), CROWDED, doc(List.of(PlaceType.SHOP), false, false));
        assertEquals(Classification.GENERAL_HAZARD, two.classification());
        assertEquals(th.count("determination.crowded.anyThreshold"), two.result().threshold(),
                "below every line the strictest line of the first category is shown, with every element counted");
        assertEquals(3, two.result().countedElements().size());
    }

    @Test
    void aBuildingInSeveralCategoriesIsMajorWhenAnyLineIsMet() {
        List<String> key = th.list("determination.hazmat.keyElements");
        var o = decide(elements(key.toArray(String[]::new)), CROWDED, doc(List.of(PlaceType.SHOP, PlaceType.HAZMAT), false, false));
        assertEquals(Classification.MAJOR_HAZARD, o.classification());
        assertTrue(o.result().thresholdRule().startsWith(th.text("determination.hazmat.label")), o.result().thresholdRule());
    }

    @Test
    void hazmatAndOtherBuildingsUseTheirOwnLines() {
        int hazmatAny = th.count("determination.hazmat.anyThreshold");
        var hazmat = decide(elements(ids(hazmatAny)), PLAIN, doc(List.of(PlaceType.HAZMAT), false, false));
        assertEquals(Classification.MAJOR_HAZARD, hazmat.classification());
        assertEquals(hazmatAny, hazmat.result().threshold());
        int otherAny = th.count("determination.other.anyThreshold");
        var other = decide(elements(ids(otherAny - 1)), PLAIN, doc(List.of(PlaceType.OFFICE), false, false));
        assertEquals(Classification.GENERAL_HAZARD, other.classification());
        assertEquals(otherAny, other.result().threshold());
        assertEquals(th.text("determination.other.label") + ": " + otherAny + " elements of any kind", other.result().thresholdRule());
        assertEquals(th.text("determination.other.labelZh") + "：任意 " + otherAny + " 项综合判定要素", other.result().thresholdRuleZh());
        assertEquals(th.text("determination.hazmat.labelZh") + "：任意 " + hazmatAny + " 项综合判定要素", hazmat.result().thresholdRuleZh());
    }

    @Test
    void exclusionsKeepTheMethodThatWasSetAside() {
        var o = decide(List.of(f("SYS-REQUIRED-MISSING", Level.DIRECT)), PLAIN, doc(List.of(), false, true));
        assertEquals(Classification.GENERAL_HAZARD, o.classification());
        assertEquals(Exclusion.OUT_OF_USE, o.result().exclusion());
        assertEquals(DeterminationMethod.DIRECT, o.result().method());
        assertEquals(List.of("SYS-REQUIRED-MISSING"), o.result().directFindings());
        var both = decide(List.of(f("SYS-REQUIRED-MISSING", Level.DIRECT)), PLAIN, doc(List.of(), true, true));
        assertEquals(Exclusion.EXPERT_REVIEW, both.result().exclusion());
        var notNeeded = decide(List.of(f("MGMT-PATROLS", Level.GENERAL)), PLAIN, doc(List.of(), true, false));
        assertNull(notNeeded.result().exclusion(), "an exclusion is named only when it kept a major hazard from being declared");
        assertEquals(DeterminationMethod.NONE, notNeeded.result().method());
    }

    @Test
    void mayBeMajorWhenUnassessedPointsCouldStillReachALine() {
        int otherAny = th.count("determination.other.anyThreshold");
        Map<String, Level> open = new LinkedHashMap<>();
        open.put("SYS-SPRINKLER-FAULTY", Level.ELEMENT);
        open.put("SYS-SPRINKLER-MISSING", Level.ELEMENT);
        open.put("MGMT-PATROLS", Level.GENERAL);
        // otherAny - 2 counted + one system (FAULTY and MISSING count once) stays below the line
        var below = decide(elements(ids(otherAny - 2)), open, PLAIN, doc(List.of(), false, false));
        assertFalse(below.result().mayBeMajor());
        assertEquals(List.of(), below.result().mayBeMajorIf());
        var reach = decide(elements(ids(otherAny - 1)), open, PLAIN, doc(List.of(), false, false));
        assertTrue(reach.result().mayBeMajor());
        assertEquals(List.of("SYS-SPRINKLER-FAULTY", "SYS-SPRINKLER-MISSING"), reach.result().mayBeMajorIf());
        var direct = decide(List.of(), Map.of("EVAC-EXITS-SHORT", Level.DIRECT), PLAIN, doc(List.of(), false, false));
        assertEquals(Classification.INCOMPLETE, direct.classification());
        assertEquals(List.of("EVAC-EXITS-SHORT"), direct.result().mayBeMajorIf());
        var excluded = decide(List.of(), Map.of("EVAC-EXITS-SHORT", Level.DIRECT), PLAIN, doc(List.of(), true, false));
        assertFalse(excluded.result().mayBeMajor(), "an excluded building is never 'may be major'");
    }

    @Test
    void theBasisFollowsTheInspectionDate() {
        LocalDate from = th.date("basis.2025.from");
        var before = decide(List.of(), PLAIN, doc(List.of(), false, false, from.minusDays(1))).result().basis();
        var on = decide(List.of(), PLAIN, doc(List.of(), false, false, from)).result().basis();
        assertFalse(before.provisional());
        assertTrue(on.provisional());
        assertEquals(th.text("basis.2025.standard"), on.standard());
    }

    @Test
    void noFindingIsCompliantOnlyWhenEverythingWasAssessed() {
        assertEquals(Classification.COMPLIANT, decide(List.of(), PLAIN, doc(null, null, null)).classification());
        assertEquals(Classification.INCOMPLETE, decide(List.of(), Map.of("MGMT-PATROLS", Level.GENERAL), PLAIN,
                doc(null, null, null)).classification());
        assertEquals(Classification.GENERAL_HAZARD, decide(List.of(f("MGMT-PATROLS", Level.GENERAL)),
                Map.of("MGMT-DRILL", Level.GENERAL), PLAIN, doc(null, null, null)).classification());
    }

    private static String[] ids(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = "X-" + (i + 1);
        }
        return out;
    }
}
