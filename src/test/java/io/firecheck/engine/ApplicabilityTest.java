package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.firecheck.inspection.Building;
import io.firecheck.inspection.BuildingUse;
import io.firecheck.inspection.Inspection;
import io.firecheck.inspection.InspectionDocument;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** @appliesWhen conditions on one document: a public building with no control room inspected (absent). */
class ApplicabilityTest {
    static final ScopeResult SCOPE = DeterminationTest.PLAIN;
    static final InspectionDocument DOC = new InspectionDocument(new Inspection("I", LocalDate.of(2026, 11, 20), null, null),
            new Building("B", null, null, "J", BuildingUse.PUBLIC, new BigDecimal("60"), null, false, List.of(), false,
                    false, false, false),
            null, null, null, null, null, null, null, null, null, null, null);

    static Optional<Boolean> holds(String condition) {
        return Applicability.holds(condition, DOC, SCOPE, null);
    }

    @Test
    void comparisonsReadTheValueAtTheirPath() {
        assertEquals(Optional.of(true), holds("building.use == PUBLIC"));
        assertEquals(Optional.of(false), holds("building.use == RESIDENTIAL"));
        assertEquals(Optional.of(false), holds("building.use != PUBLIC"));
        assertEquals(Optional.of(true), holds("building.use != RESIDENTIAL"));
        assertEquals(Optional.of(false), holds("!building.use == PUBLIC"));
    }

    @Test
    void aBarePathMustBeTrue() {
        assertEquals(Optional.of(false), holds("building.multiOwner"));
        assertEquals(Optional.of(true), holds("!building.multiOwner"));
        assertEquals(Optional.of(false), holds("building.jurisdiction"), "a value that is not a boolean is not true");
    }

    @Test
    void anAbsentFactLeavesItOpenUnlessTheRestDecides() {
        assertEquals(Optional.empty(), holds("controlRoom.present"));
        assertEquals(Optional.empty(), holds("controlRoom.present == true"));
        assertEquals(Optional.empty(), holds("!controlRoom.present"));
        assertEquals(Optional.of(true), holds("building.use != RESIDENTIAL | controlRoom.present"));
        assertEquals(Optional.empty(), holds("building.use == RESIDENTIAL | controlRoom.present"));
        assertEquals(Optional.of(false), holds("building.use == RESIDENTIAL & controlRoom.present"));
        assertEquals(Optional.of(true), holds("highRise & !crowded"));
    }

    @Test
    void aMissingFactIsReportedAtThePathItReads() {
        assertEquals(List.of("anyPlace(places.x)", "building.use", "controlRoom.present", "crowded"),
                Applicability.Condition.of("!anyPlace(places.x) & building.use != PUBLIC | controlRoom.present | crowded")
                        .atoms().stream().map(Applicability.Atom::path).toList());
    }
}
