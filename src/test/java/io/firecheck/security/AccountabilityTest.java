package io.firecheck.security;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who did what: the actor is the token's name, only a supervisor closes, and the audit log keeps every write. */
@QuarkusTest
class AccountabilityTest {
    static final String ORDERS = "/api/v1/supervision-orders/";

    @Inject
    EntityManager em;

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response evaluate(String submitter, ObjectNode doc) {
        return TestTokens.as(submitter, null, Roles.CLIENT).contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations");
    }

    static String orderReadyForRectifying() {
        String id = evaluate("client-app", TestDocs.majorTower("A-" + UUID.randomUUID().toString().substring(0, 8)))
                .then().statusCode(201).extract().path("supervisionOrder.id");
        given().contentType(ContentType.JSON).body(Map.of("responsiblePerson", "李四", "rectificationPlan", "计划", "measures", "措施",
                "funding", "资金", "interimSafetyMeasures", "巡查")).put(ORDERS + id + "/measures").then().statusCode(200);
        return id;
    }

    static Response move(String token, String id, String to) {
        return TestTokens.as(token).contentType(ContentType.JSON).body(Map.of("to", to)).post(ORDERS + id + "/transitions");
    }

    @Test
    void theActorIsTheTokensNameWhateverTheRequestSays() {
        String id = orderReadyForRectifying();
        String officer = TestTokens.token("张警官", null, Roles.OFFICER);
        TestTokens.as(officer).contentType(ContentType.JSON).body(Map.of("to", "RECTIFYING", "by", "李冒名"))
                .post(ORDERS + id + "/transitions").then().statusCode(400).body("violations.field", contains("by"));
        TestTokens.as(officer).contentType(ContentType.JSON).header("X-Actor", "li-impostor").body(Map.of("to", "RECTIFYING"))
                .post(ORDERS + id + "/transitions").then().statusCode(200);
        given().get(ORDERS + id).then().body("history.find { it.kind == 'TRANSITION' }.by", equalTo("张警官"))
                .body("history.find { it.kind == 'MEASURES_RECORDED' }.by", equalTo("api-test"));
    }

    @Test
    void anOfficerCannotCloseButASupervisorCan() {
        String id = orderReadyForRectifying();
        String officer = TestTokens.token("officer-chen", null, Roles.OFFICER);
        move(officer, id, "RECTIFYING").then().statusCode(200);
        move(officer, id, "PENDING_ACCEPTANCE").then().statusCode(200);
        move(officer, id, "CLOSED").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString(Roles.SUPERVISOR));
        given().get(ORDERS + id).then().body("status", equalTo("PENDING_ACCEPTANCE"));
        move(TestTokens.token("大队长 王", null, Roles.SUPERVISOR), id, "CLOSED").then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("history.find { it.to == 'CLOSED' }.by", equalTo("大队长 王"));
        auditOf("officer-chen", "AUTHORIZATION_REJECTED").then().body("items.target", hasItem("POST /api/v1/supervision-orders/" + id + "/transitions"));
    }

    @Test
    void everyEvaluationRecordsItsSubmitterAndEveryWriteIsAudited() {
        String submitter = uniqueName("client");
        String evaluationId = evaluate(submitter, TestDocs.tower()).then().statusCode(201).extract().path("id");
        Object stored = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT submitted_by FROM evaluation WHERE id = CAST(:id AS uuid)").setParameter("id", evaluationId).getSingleResult());
        assertEquals(submitter, stored);
        auditOf(submitter, "EVALUATION_STORED").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].target", equalTo("evaluation " + evaluationId)).body("items[0].roles", contains(Roles.CLIENT))
                .body("items[0].outcome", equalTo("COMPLIANT"));

        String author = uniqueName("author");
        TestTokens.as(author, null, Roles.RULE_AUTHOR).post("/api/v1/rules/reload").then().statusCode(200);
        auditOf(author, "RULE_RELOAD").then().body("items[0].outcome", equalTo("UNCHANGED"));
        given().get("/api/v1/rules/reloads").then().body("by", hasItem(author));
    }

    @Test
    void refusedWritesAreAuditedWithWhoTried() {
        String intruder = uniqueName("officer");
        TestTokens.as(intruder, "天河区", Roles.OFFICER).post("/api/v1/rules/reload").then().statusCode(403);
        auditOf(intruder, "AUTHORIZATION_REJECTED").then().body("total", equalTo(1))
                .body("items[0].target", equalTo("POST /api/v1/rules/reload")).body("items[0].outcome", equalTo("403 Forbidden"))
                .body("items[0].jurisdiction", equalTo("天河区"));
        String client = uniqueName("client");
        ObjectNode doc = TestDocs.tower();
        TestTokens.as(client, "越秀区", Roles.CLIENT).contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations")
                .then().statusCode(403).body("detail", containsString("越秀区"));
        auditOf(client, "AUTHORIZATION_REJECTED").then().body("items[0].target", equalTo("POST /api/v1/evaluations"));
        String batchClient = uniqueName("client");
        TestTokens.as(batchClient, "越秀区", Roles.CLIENT).contentType(ContentType.JSON).body(json(java.util.List.of(doc)))
                .post("/api/v1/evaluations/batch").then().statusCode(200).body("[0].status", equalTo(403));
        auditOf(batchClient, "AUTHORIZATION_REJECTED").then().body("total", equalTo(1))
                .body("items[0].target", equalTo("POST /api/v1/evaluations/batch item 0"));
        // an inspection id stored elsewhere does not hand out that result
        evaluate("client-app", doc).then().statusCode(201);
        ((ObjectNode) doc.get("building")).put("jurisdiction", "越秀区");
        TestTokens.as(client, "越秀区", Roles.CLIENT).contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(403), equalTo(409)))
                .body("detail", not(containsString(doc.get("building").get("id").asText())));
        Instant before = Instant.now().minusSeconds(1);
        TestTokens.anonymous().post("/api/v1/rules/reload").then().statusCode(401);
        given().queryParam("actor", "anonymous").queryParam("type", "AUTHORIZATION_REJECTED").queryParam("from", before.toString())
                .get("/api/v1/audit").then().body("items.outcome", hasItem("401 Unauthorized"));
    }

    @Test
    void theAuditLogIsPagedFilteredAndAppendOnly() {
        String who = uniqueName("client");
        for (int i = 0; i < 3; i++) {
            evaluate(who, TestDocs.tower()).then().statusCode(201);
        }
        given().queryParam("actor", who).queryParam("size", 2).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2)).body("items.actor", everyItem(equalTo(who)));
        given().queryParam("actor", who).queryParam("size", 2).queryParam("page", 1).get("/api/v1/audit").then()
                .body("items.size()", equalTo(1));
        given().queryParam("actor", who).queryParam("to", "2000-01-01T00:00:00Z").get("/api/v1/audit").then().body("total", equalTo(0));
        given().queryParam("type", "DELETED").get("/api/v1/audit").then().statusCode(400).body("violations.field", contains("type"));
        given().queryParam("from", "yesterday").get("/api/v1/audit").then().statusCode(400).body("violations.field", contains("from"));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE audit_log SET actor = 'someone else' WHERE actor = :a").setParameter("a", who).executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("DELETE FROM audit_log WHERE actor = :a").setParameter("a", who).executeUpdate()));
        given().queryParam("actor", who).get("/api/v1/audit").then().body("total", equalTo(3));
    }

    @Test
    void invalidExpiredOrForeignTokensAre401() throws Exception {
        var foreignKey = KeyPairGenerator.getInstance("RSA");
        foreignKey.initialize(2048);
        List<String> bad = List.of("not-a-token",
                TestTokens.sign(Jwt.issuer(LocalTokens.ISSUER).subject("late").groups(Set.of(Roles.AUDITOR))
                        .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))),
                Jwt.issuer(LocalTokens.ISSUER).subject("forger").groups(Set.of(Roles.AUDITOR)).expiresIn(600)
                        .sign(foreignKey.generateKeyPair().getPrivate()),
                TestTokens.sign(Jwt.issuer("https://elsewhere.example").subject("x").groups(Set.of(Roles.AUDITOR)).expiresIn(600)));
        for (String token : bad) {
            TestTokens.as(token).get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("invalid or expired")).header("WWW-Authenticate", containsString("invalid_token"));
        }
    }

    @Test
    void csvExportsNeutraliseFormulasInBuildingNames() {
        String district = "公式区" + UUID.randomUUID().toString().substring(0, 6);
        ObjectNode doc = TestDocs.majorTower("F-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) doc.get("building")).put("name", "=HYPERLINK(\"http://evil.example\",\"点我\")").put("jurisdiction", district);
        evaluate("client-app", doc).then().statusCode(201);
        for (String report : List.of("hazards", "responsibilities")) {
            String csv = new String(given().queryParam("jurisdiction", district).accept("text/csv").get("/api/v1/reports/" + report)
                    .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
            assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\","), report + ": " + csv);
            assertTrue(!csv.contains(",=HYPERLINK"), report + ": " + csv);
        }
    }

    static Response auditOf(String actor, String type) {
        return TestTokens.as("auditor-1", null, Roles.AUDITOR).queryParam("actor", actor).queryParam("type", type).get("/api/v1/audit");
    }
}
