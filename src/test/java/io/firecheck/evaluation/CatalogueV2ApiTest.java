package io.firecheck.evaluation;

import static io.firecheck.TestDocs.at;
import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The v2 input fields, the v2 result fields, and results stored under catalogue v1. */
@QuarkusTest
class CatalogueV2ApiTest {
    @Inject
    EvaluationRepository repository;

    @Test
    void theResultCarriesRequiredSystemsTheBasisAndMayBeMajor() {
        ObjectNode doc = TestDocs.example();
        at(doc, "inspection").put("id", "V2-" + System.nanoTime());
        given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations").then().statusCode(201)
                .body("scope.requiredSystems.find { it.system == 'sprinkler' }.required", equalTo(true))
                .body("scope.requiredSystems.find { it.system == 'sprinkler' }.source", equalTo("DESIGN"))
                .body("scope.requiredSystems.find { it.system == 'fireElevator' }.source", equalTo("DERIVED"))
                .body("determination.basis.standard", equalTo("GB 35181-2017"))
                .body("determination.basis.provisional", equalTo(true))
                .body("determination.mayBeMajor", equalTo(false))
                .body("determination.exclusion", nullValue());
    }

    @Test
    void badV2FieldsAreEachNamed() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "fireSystems").putObject("requiredByDesign").put("sprinkler", "yes");
        at(doc, "fireSeparation").putObject("doorsAndShutters").put("total", 4).put("damaged", 5);
        at(doc, "building").putArray("placeTypes").add("STREET_SHOPS");
        at(doc, "eBikes").put("takenIntoLiftsOrHomes", -1);
        at(doc, "evacuation").put("flammableFinishes", "no");
        given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("fireSystems.requiredByDesign.sprinkler", "fireSeparation.doorsAndShutters.damaged",
                        "building.placeTypes[0]", "eBikes.takenIntoLiftsOrHomes", "evacuation.flammableFinishes"));
    }

    @Test
    void aDocumentWithoutTheV2FieldsIsValidAndSaysWhatWasNotInspected() {
        ObjectNode doc = TestDocs.tower();
        doc.remove("fireSeparation");
        at(doc, "fireSystems").remove("fireWaterSupply");
        at(doc, "controlRoom").remove("dutyAroundTheClock");
        given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations").then().statusCode(201)
                .body("classification", equalTo("INCOMPLETE"))
                .body("notAssessed.ruleId", hasItems("SEP-DEVICES", "SEP-COMPARTMENT-ALTERED", "SYS-WATER-SUPPLY", "CR-24H"))
                .body("notAssessed.find { it.ruleId == 'SYS-WATER-SUPPLY' }.missing", hasItems("fireSystems.fireWaterSupply"));
    }

    @Test
    void aResultStoredUnderCatalogueV1IsReturnedAsItWasStored() {
        UUID id = UUID.randomUUID();
        String v1 = """
                {"id": "%s", "inspectionId": "V1-%s", "buildingId": "V1-B", "evaluatedAt": "2026-01-05T02:00:00Z",
                 "ruleSet": {"version": "sha256:v1", "loadedAt": "2026-01-01T00:00:00Z"},
                 "scope": {"category": "HIGH_RISE_RESIDENTIAL", "highRiseClass": 1, "superHighRise": false, "crowded": true},
                 "classification": "COMPLIANT",
                 "determination": {"method": "NONE", "directFindings": [], "countedElements": [], "threshold": 4,
                                   "thresholdRule": "crowded building: 4 elements of any kind", "exclusion": null},
                 "findings": [], "notAssessed": [], "supervisionOrder": null}""".formatted(id, id);
        EvaluationEntity e = new EvaluationEntity();
        e.id = id;
        e.inspectionId = "V1-" + id;
        e.buildingId = "V1-B";
        e.jurisdiction = "天河区·沙河街道";
        e.inspectionDate = LocalDate.of(2026, 1, 5);
        e.classification = "COMPLIANT";
        e.ruleSetVersion = "sha256:v1";
        e.evaluatedAt = Instant.parse("2026-01-05T02:00:00Z");
        e.document = json(TestDocs.tower());
        e.result = v1;
        QuarkusTransaction.requiringNew().run(() -> assertEquals(true, repository.insertIfAbsent(e)));
        given().get("/api/v1/evaluations/" + id).then().statusCode(200)
                .body("ruleSet.version", equalTo("sha256:v1"))
                .body("scope", not(hasKey("requiredSystems")))
                .body("determination", not(hasKey("mayBeMajor")))
                .body("determination", not(hasKey("basis")))
                .body("determination.thresholdRule", equalTo("crowded building: 4 elements of any kind"));
    }
}
