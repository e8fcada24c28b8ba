package io.firecheck.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RulesCatalogueTest {

    /** rules/ read the way the service reads it: the test follows whatever staff put there. */
    static io.firecheck.engine.RuleSet shipped() {
        try {
            return new io.firecheck.engine.RuleSetLoader().load(java.nio.file.Path.of("rules"));
        } catch (io.firecheck.engine.RuleSetInvalidException e) {
            throw new IllegalStateException(e);
        }
    }

    static int shippedRuleCount() {
        return shipped().catalogue().size();
    }

    @Test
    void theCatalogueListsEveryRuleWithItsMetadataAndTheThresholds() {
        io.firecheck.engine.RuleSet set = shipped();
        JsonPath api = given().get("/api/v1/rules").then().statusCode(200)
                .body("version", equalTo(set.version()))
                // who loaded it: "startup", or a test that put the shipped rules back after applying others
                .body("loadedBy", anyOf(equalTo("startup"), equalTo(ServedRules.TEST_CLEANUP)))
                .body("ruleCount", equalTo(set.catalogue().size()))
                .body("files", hasItem("thresholds.properties"))
                .extract().jsonPath();
        for (io.firecheck.engine.RuleInfo rule : set.catalogue().values()) {
            String path = "rules.find { it.id == '" + rule.id() + "' }.";
            assertEquals(rule.level().name(), api.getString(path + "level"), rule.id());
            assertEquals(rule.titleZh(), api.getString(path + "titleZh"), rule.id());
            assertEquals(rule.basis(), api.getString(path + "basis"), rule.id());
        }
        set.thresholds().asMap().forEach((name, value) -> assertEquals(value, api.getString("thresholds.'" + name + "'"), name));
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
