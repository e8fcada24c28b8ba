package io.firecheck.evaluation;

import static io.firecheck.TestDocs.at;
import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Every way a client can get a document wrong is a 400 problem+json naming the field, and stores nothing. */
@QuarkusTest
class InvalidInputTest {

    static ValidatableResponse rejected(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations").then()
                .statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    static ValidatableResponse rejected(ObjectNode doc) {
        ValidatableResponse r = rejected(json(doc));
        // nothing of a rejected document is stored
        given().get("/api/v1/buildings/" + doc.get("building").path("id").asText("none") + "/evaluations")
                .then().body("total", equalTo(0));
        return r;
    }

    @Test
    void malformedJson() {
        rejected("{\"inspection\": {").body("violations[0].message", containsString("malformed JSON"));
        rejected("{\"inspection\": }").body("violations.field", contains("$"))
                .body("violations[0].message", containsString("malformed JSON"));
    }

    @Test
    void emptyBody() {
        rejected("").body("violations.field", contains("$"));
    }

    @Test
    void wrongType() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "building").put("heightM", "tall");
        rejected(json(doc)).body("violations.field", contains("building.heightM"));
        doc = TestDocs.tower();
        at(doc, "controlRoom").put("present", "yes");
        rejected(json(doc)).body("violations.field", contains("controlRoom.present"));
        doc = TestDocs.tower();
        at(doc, "microFireStation").put("members", 5.5);
        rejected(json(doc)).body("violations.field", contains("microFireStation.members"));
    }

    @Test
    void everyShapeErrorIsListedAtOnce() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "building").put("heightM", "tall").put("use", "HOUSE");
        at(doc, "controlRoom").put("present", "yes").put("operatorPerShift", 2);
        ((ObjectNode) doc.get("shafts").get(0)).put("floorsTotal", 33.5);
        at(doc, "management").put("lastDrillDate", "2026-13-01");
        // value and cross-field problems elsewhere come in the same answer
        at(doc, "eBikes").put("parkedInCommonAreas", -1);
        ((ObjectNode) doc.get("evacuation").get("stairwellFireDoors")).put("total", 10).put("damaged", 11);
        rejected(doc).body("violations.field", contains("building.heightM", "building.use", "controlRoom.operatorPerShift",
                "controlRoom.present", "eBikes.parkedInCommonAreas", "evacuation.stairwellFireDoors.damaged",
                "management.lastDrillDate", "shafts[0].floorsTotal"))
                .body("violations.find { it.field == 'building.heightM' }.message", equalTo("must be a number"));
    }

    @Test
    void unknownEnumValue() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "building").put("use", "HOUSE");
        rejected(json(doc)).body("violations.field", contains("building.use"))
                .body("violations[0].message", containsString("RESIDENTIAL"));
        doc = TestDocs.tower();
        ((ObjectNode) doc.get("shafts").get(0)).put("inspectionDoorClass", "D");
        rejected(json(doc)).body("violations.field", contains("shafts[0].inspectionDoorClass"));
    }

    @Test
    void unknownFieldIsRejectedSoTyposAreNotSilentlyIgnored() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "controlRoom").put("operatorPerShift", 2);
        rejected(json(doc)).body("violations.field", contains("controlRoom.operatorPerShift"));
    }

    @Test
    void missingRequiredFields() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "inspection").remove("date");
        at(doc, "building").remove("use");
        at(doc, "building").remove("heightM");
        at(doc, "building").remove("jurisdiction");
        rejected(doc).body("violations.field",
                hasItems("inspection.date", "building.use", "building.heightM", "building.jurisdiction"));
        ObjectNode noBuilding = TestDocs.tower();
        noBuilding.remove("building");
        rejected(json(noBuilding)).body("violations.field", contains("building"));
    }

    @Test
    void negativeCount() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "eBikes").put("parkedInCommonAreas", -1);
        rejected(doc).body("violations.field", contains("eBikes.parkedInCommonAreas"));
    }

    @Test
    void damagedAboveTotal() {
        ObjectNode doc = TestDocs.tower();
        ((ObjectNode) doc.get("evacuation").get("stairwellFireDoors")).put("total", 10).put("damaged", 11);
        rejected(doc).body("violations.field", contains("evacuation.stairwellFireDoors.damaged"));
    }

    @Test
    void heightOutsideZeroToThousand() {
        for (String h : new String[] {"0", "-1", "1000.1"}) {
            ObjectNode doc = TestDocs.tower();
            at(doc, "building").put("heightM", new java.math.BigDecimal(h));
            rejected(doc).body("violations.field", contains("building.heightM"));
        }
        ObjectNode ok = TestDocs.tower();
        at(ok, "building").put("heightM", 1000);
        given().contentType(ContentType.JSON).body(json(ok)).queryParam("dryRun", "true").post("/api/v1/evaluations")
                .then().statusCode(200);
    }

    @Test
    void invalidDate() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "inspection").put("date", "2026-02-30");
        rejected(json(doc)).body("violations.field", contains("inspection.date"));
        doc = TestDocs.tower();
        at(doc, "management").put("lastDrillDate", "01/06/2026");
        rejected(json(doc)).body("violations.field", contains("management.lastDrillDate"));
    }

    @Test
    void dateAfterToday() {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        ObjectNode doc = TestDocs.tower();
        at(doc, "inspection").put("date", tomorrow);
        at(doc, "microFireStation").put("lastTrainingDate", tomorrow);
        rejected(doc).body("violations.field", hasItems("inspection.date", "microFireStation.lastTrainingDate"));
    }

    @Test
    void forbiddenCharactersInIds() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "inspection").put("id", "INS 2026/1");
        at(doc, "building").put("id", "../etc");
        rejected(json(doc)).body("violations.field", hasItems("inspection.id", "building.id"));
        doc = TestDocs.tower();
        at(doc, "inspection").put("id", "x".repeat(65));
        rejected(doc).body("violations.field", contains("inspection.id"));
    }

    @Test
    void correctedOnSiteMustNameAnInspectionRule() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "inspection").putArray("correctedOnSite").add("EVAC-BLOCKED").add("EVAC-BLOKED");
        rejected(doc).body("violations.field", contains("inspection.correctedOnSite[1]"));
    }

    @Test
    void everyViolationIsListed() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "building").put("heightM", 0);
        at(doc, "fireSystems").put("otherFacilitiesFaulty", -2);
        at(doc, "controlRoom").put("operatorsPerShift", 1).put("certifiedOperatorsPerShift", 2);
        rejected(doc).body("violations.size()", equalTo(3))
                .body("violations.field", hasItem("controlRoom.certifiedOperatorsPerShift"));
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413Too() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "building").put("name", "楼".repeat(400_000));
        byte[] bytes = json(doc).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // an InputStream body of unknown length is sent chunked, without Content-Length
        given().contentType(ContentType.JSON).body(new java.io.ByteArrayInputStream(bytes)).post("/api/v1/evaluations").then()
                .statusCode(413).contentType("application/problem+json");
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "building").put("name", "楼".repeat(400_000));
        given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }
}
