package io.firecheck.security;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × {no token, each role, wrong jurisdiction, right jurisdiction}, with real tokens signed by
 * the local key. Items live in a district of their own ("J·街道"); the "right" tokens are limited to the
 * district J, the "wrong" ones to another district.
 */
@QuarkusTest
class AccessMatrixTest {
    static final String J = "矩阵区" + UUID.randomUUID().toString().substring(0, 6);
    static final String SUB = J + "·沙河街道";
    static final String OTHER = J + "外";

    /** What a call with the right role but a token of another jurisdiction gets. */
    enum Elsewhere { NOT_FOUND, FORBIDDEN, FILTERED, UNRESTRICTED }

    record Endpoint(Set<String> roles, Elsewhere elsewhere, BiFunction<RequestSpecification, Fixture, Response> call) {
    }

    /** One building with an open order in SUB, made by the city-wide default token. */
    record Fixture(String building, String evaluationId, String orderId) {
        static Fixture create() {
            String building = "M-" + UUID.randomUUID().toString().substring(0, 8);
            Response r = given().contentType(ContentType.JSON).body(json(doc(TestDocs.majorTower(building)))).post("/api/v1/evaluations");
            r.then().statusCode(201);
            String order = r.path("supervisionOrder.id");
            given().contentType(ContentType.JSON).body(Map.of("responsiblePerson", "李四", "rectificationPlan", "计划",
                    "measures", "措施", "funding", "资金", "interimSafetyMeasures", "巡查")).put(ORDERS + order + "/measures")
                    .then().statusCode(200);
            return new Fixture(building, r.path("id"), order);
        }
    }

    static final String ORDERS = "/api/v1/supervision-orders/";
    static final Set<String> READERS = Set.of(Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR);
    static final Set<String> MOVERS = Set.of(Roles.OFFICER, Roles.SUPERVISOR);

    static ObjectNode doc(ObjectNode doc) {
        ((ObjectNode) doc.get("building")).put("jurisdiction", SUB);
        return doc;
    }

    static final Map<String, Endpoint> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put("POST evaluations", new Endpoint(Set.of(Roles.CLIENT), Elsewhere.FORBIDDEN, (s, f) ->
                s.contentType(ContentType.JSON).body(json(doc(TestDocs.tower()))).post("/api/v1/evaluations")));
        ENDPOINTS.put("POST evaluations dry run", new Endpoint(Set.of(Roles.CLIENT), Elsewhere.FORBIDDEN, (s, f) ->
                s.contentType(ContentType.JSON).queryParam("dryRun", true).body(json(doc(TestDocs.tower()))).post("/api/v1/evaluations")));
        ENDPOINTS.put("POST evaluations/batch", new Endpoint(Set.of(Roles.CLIENT), Elsewhere.FORBIDDEN, (s, f) ->
                s.contentType(ContentType.JSON).body(json(List.of(doc(TestDocs.tower())))).post("/api/v1/evaluations/batch")));
        ENDPOINTS.put("GET evaluations/{id}", new Endpoint(Set.of(Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR),
                Elsewhere.NOT_FOUND, (s, f) -> s.get("/api/v1/evaluations/" + f.evaluationId())));
        ENDPOINTS.put("GET buildings/{id}/evaluations", new Endpoint(Set.of(Roles.CLIENT, Roles.OFFICER, Roles.SUPERVISOR, Roles.AUDITOR),
                Elsewhere.FILTERED, (s, f) -> s.get("/api/v1/buildings/" + f.building() + "/evaluations")));
        ENDPOINTS.put("GET supervision-orders", new Endpoint(READERS, Elsewhere.FILTERED, (s, f) -> s.get(ORDERS)));
        ENDPOINTS.put("GET supervision-orders/{id}", new Endpoint(READERS, Elsewhere.NOT_FOUND, (s, f) -> s.get(ORDERS + f.orderId())));
        ENDPOINTS.put("POST supervision-orders/{id}/transitions", new Endpoint(MOVERS, Elsewhere.NOT_FOUND, (s, f) ->
                s.contentType(ContentType.JSON).body(Map.of("to", "RECTIFYING", "note", "开始整改")).post(ORDERS + f.orderId() + "/transitions")));
        ENDPOINTS.put("PUT supervision-orders/{id}/measures", new Endpoint(MOVERS, Elsewhere.NOT_FOUND, (s, f) ->
                s.contentType(ContentType.JSON).body(Map.of("responsiblePerson", "王五")).put(ORDERS + f.orderId() + "/measures")));
        ENDPOINTS.put("GET rules", new Endpoint(Set.copyOf(Roles.ALL), Elsewhere.UNRESTRICTED, (s, f) -> s.get("/api/v1/rules")));
        ENDPOINTS.put("POST rules/reload", new Endpoint(Set.of(Roles.RULE_AUTHOR), Elsewhere.UNRESTRICTED, (s, f) ->
                s.post("/api/v1/rules/reload")));
        ENDPOINTS.put("GET rules/reloads", new Endpoint(Set.of(Roles.RULE_AUTHOR, Roles.AUDITOR), Elsewhere.UNRESTRICTED, (s, f) ->
                s.get("/api/v1/rules/reloads")));
        ENDPOINTS.put("POST rules/preview", new Endpoint(Set.of(Roles.RULE_AUTHOR), Elsewhere.UNRESTRICTED, (s, f) ->
                s.contentType(ContentType.JSON).body("{}").post("/api/v1/rules/preview")));
        // the preview is of the fixture's district, started city-wide: a token of another district cannot read it
        ENDPOINTS.put("GET rules/preview/{id}", new Endpoint(Set.of(Roles.RULE_AUTHOR), Elsewhere.NOT_FOUND, (s, f) ->
                s.get(given().contentType(ContentType.JSON).body(Map.of("jurisdiction", SUB)).post("/api/v1/rules/preview")
                        .then().statusCode(202).extract().header("Location"))));
        for (String report : List.of("hazards", "responsibilities", "progress")) {
            ENDPOINTS.put("GET reports/" + report, new Endpoint(READERS, Elsewhere.FILTERED, (s, f) -> s.get("/api/v1/reports/" + report)));
            ENDPOINTS.put("GET reports/" + report + " CSV", new Endpoint(READERS, Elsewhere.FILTERED, (s, f) ->
                    s.accept("text/csv").get("/api/v1/reports/" + report)));
        }
        ENDPOINTS.put("GET audit", new Endpoint(Set.of(Roles.AUDITOR), Elsewhere.UNRESTRICTED, (s, f) -> s.get("/api/v1/audit")));
    }

    static Stream<String> endpoints() {
        return ENDPOINTS.keySet().stream();
    }

    static void problem(Response r, int status) {
        r.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("title", equalTo(status == 401 ? "Unauthorized" : status == 403 ? "Forbidden" : "Not Found"))
                .body("detail", not(equalTo("")));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void noTokenIs401(String name) {
        Response r = ENDPOINTS.get(name).call().apply(TestTokens.anonymous(), Fixture.create());
        problem(r, 401);
        assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), name);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void eachRoleIsAllowedExactlyWhatTheTableSays(String name) {
        Endpoint e = ENDPOINTS.get(name);
        for (String role : Roles.ALL) {
            Response r = e.call().apply(TestTokens.as(role + "-user", J, role), Fixture.create());
            if (e.roles().contains(role)) {
                assertTrue(r.statusCode() >= 200 && r.statusCode() < 300, name + " as " + role + ": " + r.statusCode() + " " + r.asString());
            } else {
                problem(r, 403);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anotherJurisdictionSeesNothingOfThisOne(String name) {
        Endpoint e = ENDPOINTS.get(name);
        Fixture f = Fixture.create();
        String[] roles = e.roles().toArray(String[]::new);
        Response r = e.call().apply(TestTokens.as("elsewhere", OTHER, roles), f);
        switch (e.elsewhere()) {
            case NOT_FOUND -> problem(r, 404);
            case FORBIDDEN -> {
                if (name.contains("batch")) {
                    r.then().statusCode(200).body("[0].status", equalTo(403)).body("[0].problem.detail", containsString(OTHER));
                } else {
                    problem(r, 403);
                    r.then().body("detail", containsString(OTHER)).body("detail", containsString(SUB));
                }
            }
            case FILTERED -> {
                r.then().statusCode(200);
                String body = r.asString();
                assertTrue(!body.contains(SUB) && !body.contains(f.building()) && !body.contains(f.orderId()),
                        name + " shows another jurisdiction's " + f + ": " + body);
            }
            case UNRESTRICTED -> assertEquals(2, r.statusCode() / 100, name + ": " + r.asString());
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void theDistrictReachesItsSubDistricts(String name) {
        Endpoint e = ENDPOINTS.get(name);
        Fixture f = Fixture.create();
        Response r = e.call().apply(TestTokens.as("district", J, e.roles().toArray(String[]::new)), f);
        assertEquals(2, r.statusCode() / 100, name + ": " + r.asString());
        if (e.elsewhere() == Elsewhere.FILTERED) {
            assertTrue(r.asString().contains(f.building()) || r.asString().contains(SUB), name + " leaves out " + f + ": " + r.asString());
        }
    }
}
