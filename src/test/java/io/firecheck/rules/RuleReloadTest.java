package io.firecheck.rules;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.ShippedRules;
import io.firecheck.TestDocs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
class RuleReloadTest {

    static String activeVersion() {
        return given().get("/api/v1/rules").then().statusCode(200).extract().path("version");
    }

    static Response reload() {
        return io.firecheck.security.TestTokens.as("test-officer", null, io.firecheck.security.Roles.RULE_AUTHOR)
                .post("/api/v1/rules/reload");
    }

    @AfterEach
    void restore() {
        for (String f : List.of("shafts.drl", "thresholds.properties", "control-room.drl")) {
            CopiedRulesProfile.restore(f);
        }
        reload().then().statusCode(200);
    }

    @Test
    void aSyntaxErrorKeepsTheOldSetAndNamesFileAndLine() {
        String before = activeVersion();
        CopiedRulesProfile.edit("shafts.drl", "$e : ShaftEntry(shaft.independent == false)", "$e : ShaftEntry(shaft.independent == false");
        reload().then().statusCode(422).contentType("application/problem+json")
                .body("title", containsString("INVALID"))
                .body("errors.file", hasItem("shafts.drl"))
                .body("errors[0].line", greaterThan(0))
                .body("activeVersion", equalTo(before));
        assertEquals(before, activeVersion());
        given().contentType(ContentType.JSON).body(json(TestDocs.tower())).post("/api/v1/evaluations")
                .then().statusCode(201).body("ruleSet.version", equalTo(before));
        given().get("/api/v1/rules/reloads").then().body("[0].outcome", equalTo("INVALID"))
                .body("[0].by", equalTo("test-officer")).body("[0].errors[0].file", equalTo("shafts.drl"));
    }

    @Test
    void anUnknownFactIsNamedInPlainWords() {
        CopiedRulesProfile.edit("control-room.drl", "operatorsKnowProcedure == false", "numberOfStoreys == false");
        reload().then().statusCode(422)
                .body("errors.file", hasItem("control-room.drl"))
                .body("errors[0].message", containsString("unknown fact `numberOfStoreys` in rule \"CR-PROCEDURE\""));
    }

    @Test
    void anUnknownThresholdIsNamedWithItsLine() {
        CopiedRulesProfile.edit("shafts.drl", "th.num(\"shaft.wall.minFireResistanceH\")", "th.num(\"shaft.wall.minimum\")");
        reload().then().statusCode(422)
                .body("errors[0].file", equalTo("shafts.drl"))
                .body("errors[0].line", greaterThan(0))
                .body("errors[0].message", containsString("unknown threshold `shaft.wall.minimum`"));
    }

    @Test
    void aFixtureFailureKeepsTheOldSet() {
        String before = activeVersion();
        // lower the limit by 0.01 h: the fixture just under the old limit no longer fires
        String limit = ShippedRules.threshold("shaft.wall.minFireResistanceH");
        CopiedRulesProfile.edit("thresholds.properties", "shaft.wall.minFireResistanceH = " + limit,
                "shaft.wall.minFireResistanceH = " + new java.math.BigDecimal(limit).subtract(new java.math.BigDecimal("0.01")));
        reload().then().statusCode(422)
                .body("title", containsString("GATE_FAILED"))
                .body("failingFixtures.differences.flatten()", hasItem("covers SHAFT-WALL-RATING as firing, but it did not fire"));
        assertEquals(before, activeVersion());
    }

    @Test
    void aValidChangeGoesLiveWithANewVersion() {
        String before = activeVersion();
        CopiedRulesProfile.edit("shafts.drl", "@title(\"Shaft wall fire resistance below 1.00 h\")", "@title(\"Shaft wall rating too low\")");
        reload().then().statusCode(200).body("outcome", equalTo("ACTIVATED")).body("previousVersion", equalTo(before));
        given().get("/api/v1/rules").then().body("version", not(equalTo(before))).body("loadedBy", equalTo("test-officer"))
                .body("rules.find { it.id == 'SHAFT-WALL-RATING' }.title", equalTo("Shaft wall rating too low"));
        reload().then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
    }

    /** Evaluations keep flowing while the rules swap back and forth; each sees exactly one rule set. */
    @Test
    void concurrentEvaluationsDuringReloadsAllSucceedWithOneConsistentVersion() throws Exception {
        ObjectNode doc = TestDocs.tower();
        ((ObjectNode) doc.get("shafts").get(0)).put("wallFireResistanceH", 0.75);
        String body = json(doc);
        Map<String, String> titleByVersion = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<List<String>>> clients = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            clients.add(pool.submit(() -> {
                List<String> problems = new ArrayList<>();
                int n = 0;
                while ((running.get() || n < 20) && n < 2000) {
                    n++;
                    Response r = given().contentType(ContentType.JSON).body(body).queryParam("dryRun", "true")
                            .post("/api/v1/evaluations");
                    if (r.statusCode() != 200) {
                        problems.add("status " + r.statusCode() + ": " + r.asString());
                        continue;
                    }
                    String version = r.path("ruleSet.version");
                    String title = r.path("findings[0].title");
                    String seen = titleByVersion.putIfAbsent(version, title);
                    if (seen != null && !seen.equals(title)) {
                        problems.add("version " + version + " answered with two titles: " + seen + " / " + title);
                    }
                }
                return problems;
            }));
        }
        try {
            for (int i = 0; i < 4; i++) {
                CopiedRulesProfile.edit("shafts.drl", "@title(\"Shaft wall fire resistance below 1.00 h\")",
                        "@title(\"Shaft wall variant " + i + "\")");
                reload().then().statusCode(200).body("outcome", equalTo("ACTIVATED"));
                CopiedRulesProfile.restore("shafts.drl");
                reload().then().statusCode(200).body("outcome", equalTo("ACTIVATED"));
            }
        } finally {
            running.set(false);
        }
        List<String> problems = new ArrayList<>();
        for (Future<List<String>> f : clients) {
            problems.addAll(f.get());
        }
        pool.shutdownNow();
        assertEquals(List.of(), problems);
        assertTrue(titleByVersion.size() >= 2, "the clients saw more than one rule set: " + titleByVersion);
    }
}
