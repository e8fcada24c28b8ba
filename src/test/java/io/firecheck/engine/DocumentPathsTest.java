package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.inspection.InspectionDocument;
import io.firecheck.replay.LocalReplay;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentPathsTest {
    static InspectionDocument doc(String json) throws Exception {
        return LocalReplay.mapper().readValue(json, InspectionDocument.class);
    }

    static final String MIN = """
            {"inspection": {"id": "I", "date": "2026-11-20"},
             "building": {"id": "B", "jurisdiction": "J", "use": "RESIDENTIAL", "heightM": 30},
             "shafts": [{"kind": "CABLE", "independent": true}, {"kind": "PIPE"}]}
            """;

    @Test
    void reportsTheHighestAbsentAncestor() throws Exception {
        InspectionDocument d = doc(MIN);
        assertEquals(List.of("controlRoom"), DocumentPaths.missing(d, "controlRoom.operatorsPerShift"));
        assertEquals(List.of(), DocumentPaths.missing(d, "building.heightM"));
    }

    @Test
    void iteratesListsAndFilters() throws Exception {
        InspectionDocument d = doc(MIN);
        assertEquals(List.of("shafts[1].independent"), DocumentPaths.missing(d, "shafts[].independent"));
        assertEquals(List.of("shafts[0].cableTrayFireStopped"), DocumentPaths.missing(d, "shafts[kind=CABLE].cableTrayFireStopped"));
    }

    @Test
    void checksPathsAgainstTheDocumentShape() {
        assertNull(DocumentPaths.problem("microFireStation.readiness.linkedToFireStation"));
        assertNull(DocumentPaths.problem("shafts[kind=CABLE].cableTrayFireStopped"));
        assertTrue(DocumentPaths.problem("controlRoom.staff").contains("unknown fact `controlRoom.staff`"));
        assertTrue(DocumentPaths.problem("building[].id").contains("not a list"));
    }
}
