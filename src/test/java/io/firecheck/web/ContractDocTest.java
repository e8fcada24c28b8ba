package io.firecheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContractDocTest {
    private static final String DOC = """
            # A document

            ```jsonc
            {
              "inspection": {
                "id": "INS-1",          // required; idempotency key
                "date": "2026-11-20"
              },
              "building": {
                "placeTypes": ["SHOP"], // places inside it: HOTEL |
                                        // SHOP (v2: not crowded)
                "exitsRequired": 4, "exitsProvided": 4,   // crowded places
                "note": "a: b",         // a value with a colon is not a key
                "readiness": { "knows": true, "can": false },  // the outer field only
                "counts": { "total": 1 }
              },
              "shafts": [               // one entry per shaft
                { "kind": "CABLE",      // CABLE | PIPE
                  "floorsTotal": 33 }
              ],
              "empty": []
            }
            ```

            ## HTTP API (v1)
            | method and path | what | statuses |
            |---|---|---|
            | `POST /api/v1/things` | make one, `{"a": 1}` | 201, 400 |
            | `GET /api/v1/things/{id}` | read one | 200, 404 |
            """;

    @Test
    void readsEveryKeyWithItsPathAndComment() {
        Map<String, String> fields = ContractDoc.fields(DOC).stream()
                .collect(Collectors.toMap(ContractDoc.Field::path, ContractDoc.Field::description, (a, b) -> a, java.util.LinkedHashMap::new));
        assertEquals(List.of("inspection", "inspection.id", "inspection.date", "building", "building.placeTypes",
                "building.exitsRequired", "building.exitsProvided", "building.note", "building.readiness",
                "building.readiness.knows", "building.readiness.can", "building.counts", "building.counts.total", "shafts", "shafts[].kind", "shafts[].floorsTotal", "empty"),
                List.copyOf(fields.keySet()));
        assertEquals("required; idempotency key", fields.get("inspection.id"));
        assertEquals("places inside it: HOTEL | SHOP (v2: not crowded)", fields.get("building.placeTypes"));
        assertEquals("crowded places", fields.get("building.exitsProvided"));
        assertEquals("one entry per shaft", fields.get("shafts"));
        assertEquals("CABLE | PIPE", fields.get("shafts[].kind"));
        assertEquals("", fields.get("inspection.date"));
        assertEquals("the outer field only", fields.get("building.readiness"));
        assertEquals("", fields.get("building.readiness.knows"));
    }

    @Test
    void readsTheStatusesColumnOfTheHttpApiTable() {
        assertEquals(Map.of("POST /api/v1/things", List.of("201", "400"), "GET /api/v1/things/{id}", List.of("200", "404")),
                ContractDoc.statuses(DOC));
    }

    @Test
    void theShippedContractIsOnTheClassPath() {
        assertTrue(ContractDoc.read("inspection-document.md").contains("\"heightM\""));
        assertTrue(ContractDoc.fields(ContractDoc.read("results-and-orders.md")).stream()
                .anyMatch(f -> f.path().equals("determination.thresholdRuleZh")));
    }
}
