package io.firecheck.reports;

import static io.firecheck.TestDocs.at;
import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportsTest {
    String jurisdiction;
    String buildingA;
    String buildingB;
    String orderNumber;

    static ObjectNode in(ObjectNode doc, String jurisdiction) {
        at(doc, "building").put("jurisdiction", jurisdiction);
        return doc;
    }

    static String post(ObjectNode doc) {
        return given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations")
                .then().statusCode(201).extract().asString();
    }

    /** A: a major hazard under an order. B: two hazards, one of them rectified by the next inspection. */
    @BeforeEach
    void twoBuildings() {
        jurisdiction = "测试区·" + UUID.randomUUID().toString().substring(0, 8);
        buildingA = "RA-" + UUID.randomUUID().toString().substring(0, 8);
        buildingB = "RB-" + UUID.randomUUID().toString().substring(0, 8);
        String a = post(in(TestDocs.majorTower(buildingA), jurisdiction));
        orderNumber = io.restassured.path.json.JsonPath.from(a).getString("supervisionOrder.number");
        ObjectNode b1 = in(TestDocs.tower(buildingB), jurisdiction);
        at(b1, "evacuation").put("routesOrExitsBlocked", true);
        at(b1, "fireSystems").put("otherFacilitiesFaulty", 2);
        post(b1);
        ObjectNode b2 = in(TestDocs.tower(buildingB), jurisdiction);
        at(b2, "inspection").put("date", "2026-11-25");
        at(b2, "fireSystems").put("otherFacilitiesFaulty", 1);
        post(b2);
    }

    @Test
    void hazardListHasOneRowPerOpenHazardFromTheLatestInspection() {
        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/reports/hazards").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("buildingId", contains(buildingA, buildingB))
                .body("ruleId", contains("SYS-REQUIRED-MISSING", "SYS-OTHER-FAULTY"))
                .body("[0].orderNumber", equalTo(orderNumber))
                .body("[1].orderNumber", nullValue())
                .body("[1].inspectionDate", equalTo("2026-11-25"));
    }

    @Test
    void responsibilityListHasOneRowPerOpenOrder() {
        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/reports/responsibilities").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].orderNumber", equalTo(orderNumber))
                .body("[0].buildingId", equalTo(buildingA))
                .body("[0].hazards", contains("SYS-REQUIRED-MISSING"))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].overdue", equalTo(false));
    }

    @Test
    void progressCountsRecordedAndRectifiedHazards() {
        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/reports/progress").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].jurisdiction", equalTo(jurisdiction))
                .body("[0].buildingsInspected", equalTo(2))
                .body("[0].hazardsRecorded", equalTo(3))
                .body("[0].hazardsRectified", equalTo(1))
                .body("[0].rectificationRatePercent", equalTo(33.3f))
                .body("[0].milestoneReached", nullValue())
                .body("[0].ordersOpen", equalTo(1))
                .body("[0].ordersClosed", equalTo(0));
    }

    @Test
    void progressNamesTheHighestMilestoneReached() {
        String j = "里程碑区·" + UUID.randomUUID().toString().substring(0, 8);
        String building = "RM-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode first = in(TestDocs.tower(building), j);
        at(first, "evacuation").put("routesOrExitsBlocked", true);
        at(first, "fireSystems").put("otherFacilitiesFaulty", 2);
        post(first);
        ObjectNode second = in(TestDocs.tower(building), j);
        at(second, "inspection").put("date", "2026-11-25");
        post(second);
        given().queryParam("jurisdiction", j).get("/api/v1/reports/progress").then()
                .body("[0].hazardsRecorded", equalTo(2)).body("[0].hazardsRectified", equalTo(2))
                .body("[0].rectificationRatePercent", equalTo(100.0f)).body("[0].milestoneReached", equalTo(100));
    }

    @Test
    void csvOpensInExcelWithChineseHeaders() {
        byte[] body = given().queryParam("jurisdiction", jurisdiction).accept("text/csv").get("/api/v1/reports/hazards")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("filename*=UTF-8''"))
                .extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(body, 3), "UTF-8 byte-order mark");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertTrue(lines[0].startsWith("辖区,建筑编号,建筑名称"), lines[0]);
        assertEquals(3, lines.length, text);
        assertTrue(lines[1].contains(jurisdiction) && lines[1].contains("SYS-REQUIRED-MISSING"), lines[1]);

        String resp = new String(given().queryParam("jurisdiction", jurisdiction).accept("text/csv")
                .get("/api/v1/reports/responsibilities").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(resp.startsWith("\uFEFF督办编号,辖区"), resp);
        assertTrue(resp.contains(orderNumber));

        String progress = new String(given().queryParam("jurisdiction", jurisdiction).accept("text/csv")
                .get("/api/v1/reports/progress").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(progress.contains(jurisdiction + ",2,3,1,33.3,"), progress);
    }
}
