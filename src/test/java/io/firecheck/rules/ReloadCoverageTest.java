package io.firecheck.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reload gate refuses a rule that has no fixtures, as bin/firecheck test does: one check for both. */
@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
class ReloadCoverageTest {
    static final String FILE = "zz-new-rule.drl";

    @AfterEach
    void remove() throws IOException {
        Files.deleteIfExists(CopiedRulesProfile.DIR.resolve(FILE));
        given().post("/api/v1/rules/reload").then().statusCode(200);
    }

    @Test
    void aNewRuleWithoutFixturesDoesNotGoLive() {
        String before = given().get("/api/v1/rules").then().extract().path("version");
        write(FILE, """
                package firecheck;
                import io.firecheck.inspection.*;
                global io.firecheck.engine.facts.Findings findings;

                rule "ZZ-UNTESTED"
                    @id("ZZ-UNTESTED") @area("test") @level("GENERAL") @titleZh("未测试") @title("Untested")
                    @basis("none") @rectification("none")
                when
                    MicroFireStation(present == true, members > 1000)
                then
                    findings.add(kcontext, "x");
                end
                """);
        given().post("/api/v1/rules/reload").then().statusCode(422)
                .body("title", containsString("GATE_FAILED"))
                .body("failingFixtures.fixture", hasItems("coverage/ZZ-UNTESTED"))
                .body("failingFixtures.find { it.fixture == 'coverage/ZZ-UNTESTED' }.differences[0]",
                        containsString("\"covers\": {\"ZZ-UNTESTED\": \"fires\"}"));
        given().get("/api/v1/rules").then().body("version", equalTo(before));
    }

    private static void write(String file, String text) {
        try {
            Files.writeString(CopiedRulesProfile.DIR.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
