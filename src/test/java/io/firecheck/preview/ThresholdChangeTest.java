package io.firecheck.preview;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.rules.ClusterRuleSync;
import io.firecheck.rules.RuleSetStore;
import io.firecheck.rules.ServedRules;
import io.firecheck.security.Roles;
import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A change of thresholds through the API, against real PostgreSQL: previewed on the set serving, applied
 * exactly as previewed (compile, fixture gate, publish), kept over a restart, refused when stale or invalid.
 */
@QuarkusTest
class ThresholdChangeTest {
    static final String LIGHTING = "evacuation.lighting.highRise.maxDamagedPercent";
    static final String J = "阈值区" + UUID.randomUUID().toString().substring(0, 6);
    static final String AUTHOR = "阈值作者";

    @Inject
    RuleSetStore store;
    @Inject
    ClusterRuleSync sync;
    @Inject
    DataSource dataSource;

    /** A high-rise whose emergency lighting is 30.5 % damaged: above the shipped 30 %, within 30.9 %. */
    static String storeDimTower() {
        ObjectNode doc = TestDocs.tower("TC-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) doc.get("building")).put("jurisdiction", J);
        ((ObjectNode) doc.get("evacuation")).putObject("emergencyLightingAndSigns").put("total", 200).put("damaged", 61);
        given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations").then().statusCode(201)
                .body("findings.ruleId", hasItem("EVAC-LIGHTING"));
        return doc.get("building").get("id").asText();
    }

    static io.restassured.specification.RequestSpecification author() {
        return TestTokens.as(AUTHOR, null, Roles.RULE_AUTHOR);
    }

    static JsonPath previewed(String value) {
        return RulePreviewTest.finished(author().contentType(ContentType.JSON)
                .body(json(Map.of("thresholds", Map.of(LIGHTING, value), "jurisdiction", J))).post("/api/v1/rules/preview"));
    }

    @AfterEach
    void backToTheShippedRules() throws Exception {
        ServedRules.backToShipped(store);
    }

    @Test
    void aPreviewedChangeIsAppliedUnderTheAuthorsNameAndServesAfterARestart() {
        String building = storeDimTower();
        String before = ServedRules.version();
        JsonPath job = previewed("30.9");
        assertEquals("DONE", job.getString("status"), job.prettify());
        assertEquals("THRESHOLDS", job.getString("source"));
        assertEquals(before, job.getString("activeVersion"));
        assertEquals(Map.of("name", LIGHTING, "from", "30", "to", "30.9"), job.getMap("thresholdChanges[0]"));
        assertEquals(1, job.getInt("result.changed"), job.prettify());
        assertEquals(building, job.getString("result.buildings[0].buildingId"));
        assertTrue(job.getList("result.buildings[0].findingsRemoved").contains("EVAC-LIGHTING"), job.prettify());
        String candidate = job.getString("candidateVersion");

        author().post("/api/v1/rules/preview/" + job.getString("id") + "/apply").then().statusCode(200)
                .body("outcome", equalTo("ACTIVATED")).body("version", equalTo(candidate)).body("by", equalTo(AUTHOR));
        given().get("/api/v1/rules").then().body("version", equalTo(candidate)).body("loadedBy", equalTo(AUTHOR))
                .body("thresholds.'" + LIGHTING + "'", equalTo("30.9"));
        given().get("/api/v1/rules/reloads").then().body("[0].outcome", equalTo("ACTIVATED")).body("[0].by", equalTo(AUTHOR));
        assertEquals(candidate, store.newest().orElseThrow().version());

        sync.start(); // a restart: the folder still holds the shipped thresholds, which the cluster accepted before
        assertEquals(candidate, ServedRules.version());
    }

    @Test
    void aPreviewOfAnotherSetThanTheOneServingIsNotApplied() {
        JsonPath stale = previewed("30.9");
        JsonPath other = previewed("30.8");
        author().post("/api/v1/rules/preview/" + other.getString("id") + "/apply").then().statusCode(200);
        author().post("/api/v1/rules/preview/" + stale.getString("id") + "/apply").then().statusCode(409)
                .body("title", equalTo("Rule set changed since the preview"));
        assertEquals(other.getString("candidateVersion"), ServedRules.version());
    }

    /**
     * Another instance's set became the cluster's newest while this one had not taken it yet: applying a preview
     * measured against the set serving here would overwrite it unseen, so nothing is published (409).
     */
    @Test
    void aPreviewIsNotAppliedOverASetAcceptedElsewhereMeanwhile() throws Exception {
        JsonPath job = previewed("30.9");
        Map<String, String> files = new java.util.TreeMap<>(RuleSetLoader.readFiles(java.nio.file.Path.of("rules")));
        files.put("shafts.drl", files.get("shafts.drl") + "\n// accepted on another instance\n");
        RuleSet elsewhere = new RuleSetLoader().load(files, "another instance");
        store.publish(elsewhere, "officer-on-b", java.time.Instant.now());
        author().post("/api/v1/rules/preview/" + job.getString("id") + "/apply").then().statusCode(409)
                .body("title", equalTo("Rule set changed since the preview"));
        assertEquals(elsewhere.version(), store.newest().orElseThrow().version());
    }

    /** Runs one statement on a preview's stored row, as another writer of the table could have left it. */
    void alterStoredPreview(String id, String set) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("UPDATE rule_preview SET " + set + " WHERE id = ?")) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
    }

    @Test
    void storedFilesThatAreNotThePreviewedVersionAreNotApplied() throws Exception {
        String before = ServedRules.version();
        JsonPath job = previewed("30.9");
        alterStoredPreview(job.getString("id"), "candidate_files = jsonb_set(candidate_files, '{thresholds.properties}', "
                + "to_jsonb(candidate_files->>'thresholds.properties' || E'\\n# changed after the preview\\n'))");
        author().post("/api/v1/rules/preview/" + job.getString("id") + "/apply").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Preview files changed"));
        assertEquals(before, ServedRules.version());
        alterStoredPreview(job.getString("id"), "candidate_files = NULL");
        author().post("/api/v1/rules/preview/" + job.getString("id") + "/apply").then().statusCode(409)
                .body("title", equalTo("Preview files not kept"));
        assertEquals(before, ServedRules.version());
    }

    @Test
    void aPreviewThatHasNotFinishedIsNotApplied() throws Exception {
        String before = ServedRules.version();
        JsonPath job = previewed("30.9");
        alterStoredPreview(job.getString("id"), "status = 'RUNNING', finished_at = NULL, updated_at = now()");
        author().get("/api/v1/rules/preview/" + job.getString("id")).then().body("status", equalTo("RUNNING"))
                .body("finished", equalTo(false));
        author().post("/api/v1/rules/preview/" + job.getString("id") + "/apply").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Preview not finished"));
        assertEquals(before, ServedRules.version());
    }

    @Test
    void applyingAPreviewOfTheSetServingChangesNothing() throws Exception {
        ServedRules.backToShipped(store);
        String before = ServedRules.version();
        JsonPath job = RulePreviewTest.finished(author().contentType(ContentType.JSON)
                .body(json(Map.of("files", RulePreviewTest.shippedRules(), "jurisdiction", J))).post("/api/v1/rules/preview"));
        assertEquals(before, job.getString("candidateVersion"));
        author().post("/api/v1/rules/preview/" + job.getString("id") + "/apply").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED")).body("version", equalTo(before)).body("previousVersion", equalTo(before));
        assertEquals(before, ServedRules.version());
        given().get("/api/v1/rules/reloads").then().body("[0].outcome", equalTo("UNCHANGED")).body("[0].by", equalTo(AUTHOR));
    }

    @Test
    void anApplyIsInTheAuditLogUnderTheAuthorsName() {
        String who = "审计作者" + UUID.randomUUID().toString().substring(0, 6);
        JsonPath job = previewed("30.9");
        TestTokens.as(who, null, Roles.RULE_AUTHOR).post("/api/v1/rules/preview/" + job.getString("id") + "/apply").then()
                .statusCode(200).body("outcome", equalTo("ACTIVATED"));
        JsonPath audit = TestTokens.as("审计员", null, Roles.AUDITOR).queryParam("actor", who).queryParam("type", "RULE_RELOAD")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(1, audit.getInt("total"), audit.prettify());
        assertEquals("rule set " + job.getString("candidateVersion"), audit.getString("items[0].target"));
        assertEquals("ACTIVATED", audit.getString("items[0].outcome"));
        assertEquals(List.of(Roles.RULE_AUTHOR), audit.getList("items[0].roles"));
    }

    @Test
    void aChangeThatFailsTheFixtureGateLeavesTheSetServing() {
        String before = ServedRules.version();
        JsonPath job = previewed("29");
        author().post("/api/v1/rules/preview/" + job.getString("id") + "/apply").then().statusCode(422)
                .body("title", containsString("GATE_FAILED"))
                .body("failingFixtures.fixture", hasItem(containsString("lighting-30pct-high-rise-boundary")));
        assertEquals(before, ServedRules.version());
        given().get("/api/v1/rules/reloads").then().body("[0].outcome", equalTo("GATE_FAILED")).body("[0].by", equalTo(AUTHOR));
    }

    long storedPreviews() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM rule_preview")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void valuesThatCannotBeUsedAre400NamingEachAndNothingStarts() throws Exception {
        long before = storedPreviews();
        author().contentType(ContentType.JSON).body(json(Map.of("thresholds", Map.of(LIGHTING, "三十", "no.such.name", "1"))))
                .post("/api/v1/rules/preview").then().statusCode(400)
                .body("violations.field", hasItems("thresholds." + LIGHTING, "thresholds.no.such.name"));
        author().contentType(ContentType.JSON).body(json(Map.of("thresholds", Map.of(LIGHTING, "30"))))
                .post("/api/v1/rules/preview").then().statusCode(400).body("violations.field", hasItem("thresholds"));
        author().contentType(ContentType.JSON).body(json(Map.of("thresholds", Map.of(LIGHTING, "31"),
                        "files", RulePreviewTest.shippedRules()))).post("/api/v1/rules/preview").then().statusCode(400)
                .header("Location", org.hamcrest.Matchers.nullValue());
        assertEquals(before, storedPreviews(), "a refused request stores no preview job");
        author().post("/api/v1/rules/preview/" + UUID.randomUUID() + "/apply").then().statusCode(404);
        TestTokens.as("officer", null, Roles.OFFICER).post("/api/v1/rules/preview/" + UUID.randomUUID() + "/apply")
                .then().statusCode(403);
    }
}
