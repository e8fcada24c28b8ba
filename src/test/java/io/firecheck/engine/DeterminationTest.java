package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.firecheck.inspection.Building;
import io.firecheck.inspection.BuildingUse;
import io.firecheck.inspection.PlaceType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Steps 2–7 of the determination, on findings made up for each case. */
class DeterminationTest {
    static Thresholds th;
    static final ScopeResult CROWDED = new ScopeResult("HIGH_RISE_RESIDENTIAL", 1, false, true);
    static final ScopeResult PLAIN = new ScopeResult("HIGH_RISE_NON_RESIDENTIAL", 1, false, false);

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

    static Building building(List<PlaceType> places, Boolean expert, Boolean outOfUse) {
        return new Building("B", null, null, "J", BuildingUse.PUBLIC, new BigDecimal("60"), null, false, places, false,
                expert, outOfUse);
    }

    static Determination.Outcome decide(List<Finding> findings, boolean notAssessed, ScopeResult scope, Building b) {
        return Determination.decide(findings, notAssessed, scope, b, th);
    }

    @Test
    void aDirectElementIsAMajorHazardWhateverTheCount() {
        var o = decide(List.of(f("SYS-REQUIRED-MISSING", Level.DIRECT), f("MGMT-PATROLS", Level.GENERAL)), false, PLAIN,
                building(List.of(), false, false));
        assertEquals(Classification.MAJOR_HAZARD, o.classification());
        assertEquals("DIRECT", o.result().method());
        assertEquals(List.of("SYS-REQUIRED-MISSING"), o.result().directFindings());
    }

    @Test
    void crowdedBuildingsCountKeyElementsFirst() {
        var o = decide(elements("EVAC-BLOCKED", "EVAC-REFUGE", "GAS-SAFETY-DEVICES"), false, CROWDED, building(List.of(PlaceType.SHOP), false, false));
        assertEquals(Classification.MAJOR_HAZARD, o.classification());
        assertEquals("COMPREHENSIVE", o.result().method());
        assertEquals(3, o.result().threshold());
        assertEquals(List.of("EVAC-BLOCKED", "EVAC-REFUGE", "GAS-SAFETY-DEVICES"), o.result().countedElements());

        var two = decide(elements("EVAC-BLOCKED", "EVAC-REFUGE", "SYS-ALARM-FAULTY"), false, CROWDED, building(List.of(PlaceType.SHOP), false, false));
        assertEquals(Classification.GENERAL_HAZARD, two.classification());
        assertEquals(4, two.result().threshold(), "below the key threshold the any-kind threshold applies");
    }

    @Test
    void hazmatAndOtherBuildingsUseTheirOwnThresholds() {
        var hazmat = decide(elements("A-1", "A-2", "A-3", "A-4"), false, PLAIN, building(List.of(PlaceType.HAZMAT), false, false));
        assertEquals(Classification.MAJOR_HAZARD, hazmat.classification());
        assertEquals(4, hazmat.result().threshold());
        var other = decide(elements("A-1", "A-2", "A-3", "A-4", "A-5"), false, PLAIN, building(List.of(PlaceType.OFFICE), false, false));
        assertEquals(Classification.GENERAL_HAZARD, other.classification());
        assertEquals(6, other.result().threshold());
        assertEquals("other buildings: 6 elements of any kind", other.result().thresholdRule());
    }

    @Test
    void exclusionsKeepFindingsButNeverDeclareAMajorHazard() {
        var o = decide(List.of(f("SYS-REQUIRED-MISSING", Level.DIRECT)), false, PLAIN, building(List.of(), false, true));
        assertEquals(Classification.GENERAL_HAZARD, o.classification());
        assertEquals("OUT_OF_USE", o.result().exclusion());
        assertEquals(List.of("SYS-REQUIRED-MISSING"), o.result().directFindings());
        var notNeeded = decide(List.of(f("MGMT-PATROLS", Level.GENERAL)), false, PLAIN, building(List.of(), true, false));
        assertNull(notNeeded.result().exclusion(), "an exclusion is named only when it kept a major hazard from being declared");
    }

    @Test
    void noFindingIsCompliantOnlyWhenEverythingWasAssessed() {
        assertEquals(Classification.COMPLIANT, decide(List.of(), false, PLAIN, building(null, null, null)).classification());
        assertEquals(Classification.INCOMPLETE, decide(List.of(), true, PLAIN, building(null, null, null)).classification());
        assertEquals(Classification.GENERAL_HAZARD,
                decide(List.of(f("MGMT-PATROLS", Level.GENERAL)), true, PLAIN, building(null, null, null)).classification());
    }
}
