package io.firecheck.evaluation;

import static io.firecheck.TestDocs.at;
import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EvaluationApiTest {

    static Response post(Object doc) {
        return given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations");
    }

    @Test
    void theSpecExampleIsAGeneralHazardWithTwoFindings() {
        ObjectNode doc = TestDocs.example();
        at(doc, "inspection").put("id", "EXAMPLE-" + System.nanoTime());
        post(doc).then().statusCode(201)
                .header("Location", startsWith("http"))
                .contentType(ContentType.JSON)
                .body("inspectionId", equalTo(doc.get("inspection").get("id").asText()))
                .body("buildingId", equalTo("TH-0001"))
                .body("ruleSet.version", startsWith("sha256:"))
                .body("scope.category", equalTo("HIGH_RISE_RESIDENTIAL"))
                .body("scope.highRiseClass", equalTo(1))
                .body("classification", equalTo("GENERAL_HAZARD"))
                .body("determination.method", equalTo("NONE"))
                .body("findings.ruleId", contains("EVAC-DOORS-DAMAGED", "EVAC-LIGHTING-DAMAGED"))
                .body("findings[0].titleZh", notNullValue())
                .body("findings[0].evidence", equalTo("楼梯间防火门损坏 2/66 = 3%"))
                .body("notAssessed", empty())
                .body("supervisionOrder", nullValue());
    }

    @Test
    void storedResultCanBeFetchedByItsLocation() {
        Response created = post(TestDocs.tower());
        created.then().statusCode(201);
        String id = created.path("id");
        String location = created.header("Location");
        assertEquals(true, location.endsWith("/api/v1/evaluations/" + id));
        String fetched = given().get("/api/v1/evaluations/" + id).then().statusCode(200).extract().asString();
        assertEquals(created.asString(), fetched);
    }

    @Test
    void unknownOrMalformedIdIs404ProblemJson() {
        given().get("/api/v1/evaluations/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/v1/evaluations/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void repeatedInspectionIdReturnsTheStoredResultWith200() {
        ObjectNode doc = TestDocs.tower();
        Response first = post(doc);
        first.then().statusCode(201);
        // a retry of the same document gets the first answer back; a changed one is a 409 (IdempotencyTest)
        Response again = post(doc);
        again.then().statusCode(200).body("id", equalTo(first.path("id"))).body("classification", equalTo("COMPLIANT"));
        assertEquals(first.asString(), again.asString());
        at(doc, "evacuation").put("routesOrExitsBlocked", true);
        post(doc).then().statusCode(409);
    }

    @Test
    void concurrentDuplicatesStoreExactlyOneEvaluation() throws Exception {
        ObjectNode doc = TestDocs.tower();
        String body = json(doc);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> given().contentType(ContentType.JSON).body(body).post("/api/v1/evaluations"));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            long created = responses.stream().filter(r -> r.statusCode() == 201).count();
            long repeated = responses.stream().filter(r -> r.statusCode() == 200).count();
            assertEquals(1, created, "exactly one request creates the evaluation");
            assertEquals(15, repeated);
            assertEquals(1, responses.stream().map(r -> r.path("id")).distinct().count());
        } finally {
            pool.shutdownNow();
        }
        String buildingId = doc.get("building").get("id").asText();
        given().get("/api/v1/buildings/" + buildingId + "/evaluations").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void dryRunEvaluatesWithoutStoring() {
        ObjectNode doc = TestDocs.tower();
        given().contentType(ContentType.JSON).body(json(doc)).queryParam("dryRun", "true").post("/api/v1/evaluations")
                .then().statusCode(200).body("id", nullValue()).body("classification", equalTo("COMPLIANT"));
        String buildingId = doc.get("building").get("id").asText();
        given().get("/api/v1/buildings/" + buildingId + "/evaluations").then().body("total", equalTo(0));
        post(doc).then().statusCode(201);
    }

    @Test
    void dryRunMustBeABoolean() {
        given().contentType(ContentType.JSON).body(json(TestDocs.tower())).queryParam("dryRun", "yes")
                .post("/api/v1/evaluations").then().statusCode(400)
                .body("violations.field", contains("dryRun"));
    }

    @Test
    void buildingHistoryIsPagedNewestInspectionFirst() {
        String building = "HIST-" + System.nanoTime();
        for (String date : List.of("2026-01-10", "2026-03-10", "2026-02-10")) {
            ObjectNode doc = TestDocs.tower(building);
            at(doc, "inspection").put("date", date);
            post(doc).then().statusCode(201);
        }
        String url = "/api/v1/buildings/" + building + "/evaluations";
        given().queryParam("size", 2).get(url).then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.size()", equalTo(2));
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            ids.addAll(given().queryParam("size", 2).queryParam("page", page).get(url).path("items.inspectionId"));
        }
        assertEquals(3, ids.stream().distinct().count());
        given().queryParam("size", 0).get(url).then().statusCode(400).body("violations.field", contains("size"));
    }

    @Test
    void correctedOnSiteFindingStaysAsGeneral() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "evacuation").put("routesOrExitsBlocked", true);
        at(doc, "inspection").putArray("correctedOnSite").add("EVAC-BLOCKED");
        post(doc).then().statusCode(201)
                .body("findings[0].ruleId", equalTo("EVAC-BLOCKED"))
                .body("findings[0].level", equalTo("GENERAL"))
                .body("findings[0].correctedOnSite", equalTo(true))
                .body("determination.countedElements", empty());
    }

    /** Health and metrics are on the management interface, without a token. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL health;

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @Test
    void healthIsReadyWithTheRuleSet() {
        given().get("/q/health/ready").then().statusCode(404); // not on the public API port
        io.firecheck.security.TestTokens.anonymous().get(health).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("rule set"));
    }

    @Test
    void metricsCountEvaluationsByClassification() {
        post(TestDocs.tower()).then().statusCode(201);
        String metrics = given().get(this.metrics).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("firecheck_evaluations_total{classification=\"COMPLIANT\""), metrics.lines().filter(l -> l.contains("firecheck")).toList().toString());
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("firecheck_evaluation_duration_seconds"));
    }

    @Test
    void swaggerUiIsOnTheApiPort() {
        io.firecheck.security.TestTokens.anonymous().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void openApiDescribesTheEvaluationEndpoint() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/evaluations"));
    }

    @Test
    void resultsAreDeterministic() {
        ObjectNode doc = TestDocs.tower();
        at(doc, "evacuation").put("routesOrExitsBlocked", true).put("refugeFloor", "OCCUPIED");
        at(doc, "fireSystems").put("otherFacilitiesFaulty", 2);
        String a = given().contentType(ContentType.JSON).body(json(doc)).queryParam("dryRun", "true")
                .post("/api/v1/evaluations").then().extract().path("findings").toString();
        String b = given().contentType(ContentType.JSON).body(json(doc)).queryParam("dryRun", "true")
                .post("/api/v1/evaluations").then().extract().path("findings").toString();
        assertEquals(a, b);
        given().contentType(ContentType.JSON).body(json(doc)).queryParam("dryRun", "true").post("/api/v1/evaluations")
                .then().body("findings.ruleId", contains("EVAC-BLOCKED", "EVAC-REFUGE", "SYS-OTHER-FAULTY"));
    }

    @Test
    void aBatchAnswersEveryItemInOrder() {
        ObjectNode good = TestDocs.tower();
        ObjectNode badHeight = TestDocs.tower();
        at(badHeight, "building").put("heightM", 0);
        ObjectNode badEnum = TestDocs.tower();
        at(badEnum, "building").put("use", "HOUSE");
        List<ObjectNode> batch = List.of(good, badHeight, badEnum, good);
        given().contentType(ContentType.JSON).body(json(batch)).post("/api/v1/evaluations/batch").then().statusCode(200)
                .body("index", contains(0, 1, 2, 3))
                .body("status", contains(201, 400, 400, 200))
                .body("[0].result.classification", equalTo("COMPLIANT"))
                .body("[0].location", startsWith("/api/v1/evaluations/"))
                .body("[1].problem.violations.field", contains("building.heightM"))
                .body("[2].problem.violations.field", contains("building.use"))
                .body("[3].result.id", equalTo(given().contentType(ContentType.JSON).body(json(good))
                        .post("/api/v1/evaluations").path("id")));
    }

    @Test
    void aBatchHoldsOneToAThousandDocuments() {
        given().contentType(ContentType.JSON).body("[]").post("/api/v1/evaluations/batch").then().statusCode(400)
                .body("violations.field", contains("$"));
        List<ObjectNode> tooMany = new ArrayList<>();
        ObjectNode small = TestDocs.MAPPER.createObjectNode();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(small);
        }
        given().contentType(ContentType.JSON).body(json(tooMany)).post("/api/v1/evaluations/batch").then().statusCode(413)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(json(TestDocs.tower())).post("/api/v1/evaluations/batch").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void findingsCarryTheirRuleMetadata() {
        ObjectNode doc = TestDocs.tower();
        ((ObjectNode) doc.get("shafts").get(0)).put("wallFireResistanceH", 0.75);
        post(doc).then().statusCode(201)
                .body("findings[0].ruleId", equalTo("SHAFT-WALL-RATING"))
                .body("findings[0].area", equalTo("shafts"))
                .body("findings[0].level", equalTo("GENERAL"))
                .body("findings[0].basis", startsWith("GB 50016"))
                .body("findings[0].evidence", endsWith("0.75 h < 1.00 h"))
                .body("findings[0].rectification", notNullValue())
                .body("findings.ruleId", containsInAnyOrder("SHAFT-WALL-RATING"));
    }
}
