package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped rules/ hold every inspection point of rule catalogue v2, with the levels it gives them. */
class ShippedCatalogueTest {
    /** The ids of rule-catalogue.md v2 (its scope, required-systems and inspection-point tables). */
    static final Set<String> V2_IDS = Set.of(
            "ACCESS-AERIAL-SITE", "ACCESS-AERIAL-UNMARKED", "ACCESS-LANE-BLOCKED", "ACCESS-LANE-UNMARKED", "ACCESS-SEPARATION-OCCUPIED",
            "CR-24H", "CR-AUTO-MODE", "CR-CERT-SHORT", "CR-MISSING", "CR-PLAN",
            "CR-PROCEDURE", "CR-STAFFING", "CR-UNCERTIFIED", "DECOR-FLAMMABLE", "EBIKE-COMMON-AREAS",
            "EBIKE-INDOORS", "EBIKE-PILOTIS", "EBIKE-SHED", "ELEC-MAINTENANCE", "ELEC-WIRING",
            "EVAC-BLOCKED", "EVAC-DOORS-DAMAGED", "EVAC-EXITS-SHORT", "EVAC-FLOOR-SIGNS", "EVAC-LIGHTING",
            "EVAC-LIGHTING-DAMAGED", "EVAC-REFUGE", "EVAC-STAIR-DOORS", "EVAC-STAIR-GRADE", "EVAC-WINDOWS",
            "EVAC-WINDOWS-GENERAL", "GAS-RESIDENTIAL-SUPERTALL", "GAS-SAFETY-DEVICES", "HAZMAT-IN-CROWDED", "HAZMAT-VIOLATION",
            "HOTWORK-UNSUPERVISED", "INSUL-COMBUSTIBLE", "INSUL-LAYER-DAMAGED", "INSUL-NO-SIGNS", "MFS-JOINT-DEFENCE",
            "MFS-MISSING", "MFS-READINESS", "MFS-RESPONSE", "MFS-ROSTER", "MFS-TRAINING",
            "MFS-UNDERSTAFFED", "MGMT-AGREEMENT", "MGMT-COMMITMENT", "MGMT-DRILL", "MGMT-FACILITY-TEST",
            "MGMT-MAINTENANCE", "MGMT-MANAGER", "MGMT-PATROLS", "MGMT-TRAINING", "SCOPE-CLASS",
            "SCOPE-CROWDED", "SCOPE-HIGHRISE", "SCOPE-REQUIRED", "SCOPE-SUPER", "SEP-COMPARTMENT-ALTERED",
            "SEP-DEVICES", "SEP-DEVICES-DAMAGED", "SHAFT-DOOR-CLASS", "SHAFT-FLOOR-SEAL", "SHAFT-NOT-INDEPENDENT",
            "SHAFT-TRAY-FIRESTOP", "SHAFT-UPKEEP", "SHAFT-WALL-RATING", "SYS-ALARM-FAULTY", "SYS-ALARM-MISSING",
            "SYS-ELEVATOR-FAULTY", "SYS-ELEVATOR-MISSING", "SYS-HYDRANT-FAULTY", "SYS-HYDRANT-MISSING", "SYS-LINKAGE-FAULTY",
            "SYS-OTHER-FAULTY", "SYS-POWER-FAULTY", "SYS-REQUIRED-MISSING", "SYS-SMOKE-FAULTY", "SYS-SMOKE-MISSING",
            "SYS-SPRINKLER-FAULTY", "SYS-SPRINKLER-MISSING", "SYS-WATER-SUPPLY");

    static RuleSet rules;

    @BeforeAll
    static void load() throws Exception {
        rules = new RuleSetLoader().load(Path.of("rules"));
    }

    @Test
    void everyV2RuleIdIsLoadedAndNoOther() {
        assertEquals(new TreeSet<>(V2_IDS), new TreeSet<>(rules.catalogue().keySet()));
    }

    @Test
    void theEditionDependentLevelsChangeOnTheDayGb35181Of2025TookEffect() {
        LocalDate from = rules.thresholds().date("basis.2025.from");
        for (String id : Set.of("EBIKE-PILOTIS", "EVAC-STAIR-GRADE", "MGMT-AGREEMENT")) {
            RuleInfo rule = rules.catalogue().get(id);
            assertEquals(Level.GENERAL, rule.levelOn(from.minusDays(1), c -> true), id);
            assertEquals(Level.ELEMENT, rule.levelOn(from, c -> true), id);
        }
    }

    @Test
    void flammableFinishesAreAnElementOnlyInACrowdedBuilding() {
        RuleInfo rule = rules.catalogue().get("DECOR-FLAMMABLE");
        assertEquals(Level.ELEMENT, rule.levelOn(LocalDate.of(2026, 1, 1), "crowded"::equals));
        assertEquals(Level.GENERAL, rule.levelOn(LocalDate.of(2026, 1, 1), c -> false));
    }
}
