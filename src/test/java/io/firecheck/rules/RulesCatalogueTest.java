package io.firecheck.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RulesCatalogueTest {

    /** The number of rule ids in rules/, read the way the service reads it. */
    static int shippedRuleCount() {
        try {
            return new io.firecheck.engine.RuleSetLoader().load(java.nio.file.Path.of("rules")).catalogue().size();
        } catch (io.firecheck.engine.RuleSetInvalidException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCatalogueListsEveryRuleWithItsMetadataAndTheThresholds() {
        given().get("/api/v1/rules").then().statusCode(200)
                .body("version", startsWith("sha256:"))
                .body("loadedBy", equalTo("startup"))
                .body("ruleCount", equalTo(shippedRuleCount()))
                .body("files", hasItem("shafts.drl"))
                .body("files", hasItem("thresholds.properties"))
                .body("rules.find { it.id == 'SHAFT-WALL-RATING' }.titleZh", equalTo("管道井井壁耐火极限不足"))
                .body("rules.find { it.id == 'SHAFT-WALL-RATING' }.basis", equalTo("GB 50016-2014(2018年版) 6.2.9"))
                .body("rules.find { it.id == 'SYS-REQUIRED-MISSING' }.level", equalTo("DIRECT"))
                .body("rules.find { it.id == 'SCOPE-HIGHRISE' }.level", equalTo("SCOPE"))
                .body("thresholds.'shaft.wall.minFireResistanceH'", equalTo("1.00"))
                .body("thresholds.'determination.other.anyThreshold'", equalTo("6"));
    }

    @Test
    void theStartupSetOpensTheHistory() {
        given().queryParam("limit", 1000).get("/api/v1/rules/reloads").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.hasItem("STARTUP"))
                .body("find { it.outcome == 'STARTUP' }.ruleCount", equalTo(shippedRuleCount()));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    @Test
    void reloadingAnUnchangedFolderChangesNothingAndIsRecorded() {
        io.firecheck.security.TestTokens.as("duty-officer", null, io.firecheck.security.Roles.RULE_AUTHOR)
                .post("/api/v1/rules/reload").then().statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));
        given().get("/api/v1/rules/reloads").then().statusCode(200)
                .body("[0].by", equalTo("duty-officer")).body("[0].outcome", equalTo("UNCHANGED"));
        given().get(metrics).then().body(org.hamcrest.Matchers.containsString(
                "firecheck_rule_reloads_total{outcome=\"UNCHANGED\"}"));
    }
}
