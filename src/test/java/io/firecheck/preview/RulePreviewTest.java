package io.firecheck.preview;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.security.Roles;
import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rule-change impact preview against real PostgreSQL: a job that any poll can follow, storing nothing. */
@QuarkusTest
class RulePreviewTest {
    static final String J = "预览区" + UUID.randomUUID().toString().substring(0, 6);
    static final String SUB = J + "·沙河街道";
    static final String ELSEWHERE = J + "外";
    static String majorBuilding;
    static String majorEvaluation;
    static List<String> majorFindings;
    static String twiceBuilding;
    static String twiceLatestEvaluation;

    /** Once per class, in the first test: rest-assured knows the test port only inside a test. */
    @BeforeEach
    void store() {
        if (majorBuilding != null) {
            return;
        }
        majorBuilding = "PV-" + UUID.randomUUID().toString().substring(0, 8);
        Response major = post(in(SUB, TestDocs.majorTower(majorBuilding)));
        majorEvaluation = major.path("id");
        majorFindings = major.path("findings.ruleId");
        post(in(J, TestDocs.tower()));
        // a building inspected twice: the later inspection is the one a preview re-evaluates
        twiceBuilding = "PV-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode earlier = in(J, TestDocs.majorTower(twiceBuilding));
        ((ObjectNode) earlier.get("inspection")).put("date", LocalDate.now().minusDays(30).toString());
        post(earlier);
        twiceLatestEvaluation = post(in(J, TestDocs.tower(twiceBuilding))).path("id");
        post(in(ELSEWHERE, TestDocs.majorTower("PV-" + UUID.randomUUID().toString().substring(0, 8))));
    }

    static ObjectNode in(String jurisdiction, ObjectNode doc) {
        ((ObjectNode) doc.get("building")).put("jurisdiction", jurisdiction);
        return doc;
    }

    static Response post(ObjectNode doc) {
        Response r = given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations");
        r.then().statusCode(201);
        return r;
    }

    static Response start(Object body) {
        return given().contentType(ContentType.JSON).body(json(body)).post("/api/v1/rules/preview");
    }

    /** Follows the job to its end through its Location, as a browser or script would. */
    static JsonPath finished(Response started) {
        started.then().statusCode(202).header("Location", containsString("/api/v1/rules/preview/"))
                .body("status", equalTo("QUEUED")).body("done", equalTo(0)).body("candidateVersion", notNullValue())
                .body("finished", equalTo(false)).body("percent", equalTo(0));
        String location = started.header("Location");
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = given().get(location).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            boolean finished = status.equals("DONE") || status.equals("FAILED");
            assertEquals(finished, job.getBoolean("finished"), job.prettify());
            Integer total = job.get("total");
            assertEquals(total == null || total == 0 ? (finished ? 100 : 0) : 100 * job.getInt("done") / total, job.getInt("percent"),
                    job.prettify());
            if (finished) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("preview " + location + " did not finish within a minute");
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> shippedRules() {
        return new HashMap<>(RuleSetLoader.readFiles(Path.of("rules")));
    }

    /** Every building counts as not high-rise: the shipped rules then find nothing to judge. */
    static Map<String, String> noBuildingIsHighRise() {
        Map<String, String> files = shippedRules();
        files.put("thresholds.properties", files.get("thresholds.properties")
                .replaceAll("(?m)^(scope\\.highRise\\.\\w+\\.heightM) = .*$", "$1 = 10000"));
        assertNotEquals(shippedRules().get("thresholds.properties"), files.get("thresholds.properties"));
        return files;
    }

    @Test
    void theFolderOnDiskAsActiveChangesNothingAndEachBuildingCountsOnce() {
        JsonPath job = finished(start(Map.of("jurisdiction", J)));
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals("DISK", job.getString("source"));
        assertEquals(3, job.getInt("total"));
        assertEquals(3, job.getInt("done"));
        assertEquals(100, job.getInt("percent"));
        assertEquals(3, job.getInt("result.evaluated"));
        assertEquals(0, job.getInt("result.changed"));
        assertEquals(List.of(), job.getList("result.buildings"));
        assertTrue(job.getString("result.summaryZh").contains("结果均无变化"), job.getString("result.summaryZh"));
        assertEquals(job.getString("activeVersion"), job.getString("candidateVersion"));
    }

    @Test
    void anUploadedThresholdChangeListsEachChangedBuildingWithItsFindingsAndTotals() {
        long storedBefore = given().get("/api/v1/buildings/" + majorBuilding + "/evaluations").then().extract().jsonPath().getLong("total");
        JsonPath job = finished(start(Map.of("jurisdiction", J, "files", noBuildingIsHighRise())));
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals("UPLOAD", job.getString("source"));
        Map<String, Object> major = job.getMap("result.buildings.find { it.buildingId == '" + majorBuilding + "' }");
        assertEquals("MAJOR_HAZARD", major.get("from"));
        assertNotEquals("MAJOR_HAZARD", major.get("to"));
        assertEquals(majorEvaluation, major.get("evaluationId"));
        assertEquals(SUB, major.get("jurisdiction"));
        assertEquals(majorFindings.stream().sorted().toList(), major.get("findingsRemoved"));
        // the building inspected twice is judged on its latest inspection, the compliant one
        assertTrue(job.getList("result.buildings.findAll { it.buildingId == '" + twiceBuilding + "' }.evaluationId").stream()
                .allMatch(twiceLatestEvaluation::equals), job.prettify());
        String from = "MAJOR_HAZARD";
        Map<String, Object> total = job.getMap("result.totals.find { it.from == '" + from + "' && it.to == '" + major.get("to") + "' }");
        assertEquals(1, total.get("buildings"));
        assertTrue(((String) total.get("summaryZh")).startsWith("1 栋由重大隐患变为"), total.toString());
        assertTrue(job.getString("result.summaryZh").contains((String) total.get("summaryZh")), job.getString("result.summaryZh"));
        assertEquals(job.getInt("result.changed"), job.getList("result.buildings").size());
        // nothing stored: the building has as many evaluations as before, and its result is the stored one
        given().get("/api/v1/buildings/" + majorBuilding + "/evaluations").then().body("total", equalTo((int) storedBefore));
        given().get("/api/v1/evaluations/" + majorEvaluation).then().body("classification", equalTo("MAJOR_HAZARD"));
    }

    @Test
    void aCandidateThatDoesNotCompileIs422WithFileAndLineAndStartsNoJob() {
        Map<String, String> files = shippedRules();
        String name = files.keySet().stream().filter(f -> f.endsWith(".drl")).sorted().findFirst().orElseThrow();
        files.put(name, files.get(name) + "\nrule \"BROKEN\"\nwhen\n  this is not drl\nthen\nend\n");
        start(Map.of("files", files)).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/rules-rejected")).body("status", equalTo(422))
                .body("errors.file", hasItem(name)).body("errors.find { it.file == '" + name + "' }.line", greaterThan(0))
                .header("Location", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void filesThatCannotBeARulesFolderAre400NamingEach() {
        Map<String, String> files = new HashMap<>();
        files.put("../outside.drl", "rule");
        files.put("notes.txt", "x");
        start(Map.of("files", files, "jurisdiction", " ")).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("files.../outside.drl")).body("violations.field", hasItem("files.notes.txt"))
                .body("violations.field", hasItem("jurisdiction"));
        start(Map.of("files", Map.of())).then().statusCode(400).body("violations.field", hasItem("files"));
        start(Map.of("rules", "x")).then().statusCode(400);
    }

    @Test
    void aTokenOfOneDistrictPreviewsOnlyItsBuildingsAndOthersCannotReadTheJob() {
        Response started = TestTokens.as("district-author", J, Roles.RULE_AUTHOR).contentType(ContentType.JSON)
                .body(json(Map.of("files", noBuildingIsHighRise()))).post("/api/v1/rules/preview");
        JsonPath job = finished(started);
        assertEquals(3, job.getInt("result.evaluated"), job.prettify());
        assertTrue(!job.prettify().contains(ELSEWHERE), job.prettify());
        String location = started.header("Location");
        TestTokens.as("elsewhere-author", ELSEWHERE, Roles.RULE_AUTHOR).get(location).then().statusCode(404)
                .contentType("application/problem+json");
        TestTokens.as("district-author-2", J, Roles.RULE_AUTHOR).get(location).then().statusCode(200);
        // a district token asking for another district gets nothing of it
        JsonPath other = finished(TestTokens.as("district-author", J, Roles.RULE_AUTHOR).contentType(ContentType.JSON)
                .body(json(Map.of("jurisdiction", ELSEWHERE))).post("/api/v1/rules/preview"));
        assertEquals(0, other.getInt("result.evaluated"));
    }

    @Test
    void anUnknownJobIs404() {
        given().get("/api/v1/rules/preview/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/rules/preview/not-a-uuid").then().statusCode(404);
    }

    @Test
    void noBodyPreviewsTheFolderOnDiskForEveryBuildingInReach() {
        Response r = given().contentType(ContentType.JSON).post("/api/v1/rules/preview");
        JsonPath job = finished(r);
        assertEquals("DONE", job.getString("status"));
        assertTrue(job.getInt("result.evaluated") >= 4, job.prettify());
        r.then().header("Location", endsWith(job.getString("id")));
    }
}
