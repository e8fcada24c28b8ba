package io.firecheck.reports;

import static io.firecheck.TestDocs.at;
import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void levelsClassificationsAndStatusesCarryChineseLabelsBesideTheirCodes() {
        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/reports/hazards").then().statusCode(200)
                .body("[0].level", equalTo("DIRECT")).body("[0].levelZh", equalTo("直接判定要素"))
                .body("[0].classification", equalTo("MAJOR_HAZARD")).body("[0].classificationZh", equalTo("重大火灾隐患"))
                .body("[1].level", equalTo("GENERAL")).body("[1].levelZh", equalTo("一般火灾隐患"));
        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/reports/responsibilities").then().statusCode(200)
                .body("[0].status", equalTo("OPEN")).body("[0].statusZh", equalTo("已挂牌督办"));

        List<Map<String, String>> hazards = csvRows("/api/v1/reports/hazards", jurisdiction);
        assertEquals("直接判定要素", hazards.get(0).get("等级"));
        assertEquals("DIRECT", hazards.get(0).get("等级代码"));
        assertEquals("重大火灾隐患", hazards.get(0).get("评估结论"));
        assertEquals("MAJOR_HAZARD", hazards.get(0).get("评估结论代码"));
        List<Map<String, String>> orders = csvRows("/api/v1/reports/responsibilities", jurisdiction);
        assertEquals("已挂牌督办", orders.get(0).get("状态"));
        assertEquals("OPEN", orders.get(0).get("状态代码"));
    }

    @Test
    void formatCsvInTheQueryWorksLikeAcceptTextCsv() {
        for (String report : List.of("hazards", "responsibilities", "progress")) {
            byte[] viaQuery = given().queryParam("jurisdiction", jurisdiction).queryParam("format", "csv")
                    .get("/api/v1/reports/" + report).then().statusCode(200).contentType(startsWith("text/csv"))
                    .extract().asByteArray();
            byte[] viaAccept = given().queryParam("jurisdiction", jurisdiction).accept("text/csv")
                    .get("/api/v1/reports/" + report).then().statusCode(200).extract().asByteArray();
            assertArrayEquals(viaAccept, viaQuery, report);
        }
        given().queryParam("jurisdiction", jurisdiction).queryParam("format", "json").accept("text/csv")
                .get("/api/v1/reports/hazards").then().statusCode(200).contentType(ContentType.JSON).body("size()", equalTo(2));
        given().queryParam("format", "xlsx").get("/api/v1/reports/hazards").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("format"));
    }

    @Test
    void aJurisdictionCoversItsSubAreasButNotANameThatMerelyStartsTheSame() {
        String street = "北京街道" + UUID.randomUUID().toString().substring(0, 4);
        String sub = post(in(TestDocs.majorTower("RS-" + UUID.randomUUID().toString().substring(0, 8)), jurisdiction + "·" + street));
        String lookalike = "RX-" + UUID.randomUUID().toString().substring(0, 8);
        post(in(TestDocs.majorTower(lookalike), jurisdiction + "X"));
        String subBuilding = io.restassured.path.json.JsonPath.from(sub).getString("buildingId");

        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/reports/hazards").then()
                .body("buildingId", contains(buildingA, buildingB, subBuilding));
        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/reports/responsibilities").then()
                .body("buildingId", contains(buildingA, subBuilding));
        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/reports/progress").then()
                .body("jurisdiction", contains(jurisdiction, jurisdiction + "·" + street));
        given().queryParam("jurisdiction", jurisdiction + "·" + street).get("/api/v1/reports/hazards").then()
                .body("buildingId", contains(subBuilding));
        given().queryParam("jurisdiction", jurisdiction).get("/api/v1/supervision-orders").then()
                .body("total", equalTo(2)).body("items.buildingId", containsInAnyOrder(buildingA, subBuilding));
        // LIKE's own wildcards in a name are taken literally
        given().queryParam("jurisdiction", "%").get("/api/v1/reports/hazards").then().body("size()", equalTo(0));
    }

    /** The CSV of a report as rows keyed by the Chinese header. */
    static List<Map<String, String>> csvRows(String path, String jurisdiction) {
        String text = new String(given().queryParam("jurisdiction", jurisdiction).accept("text/csv").get(path)
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }
}
