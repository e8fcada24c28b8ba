package io.firecheck.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With watch mode on, saving a file under the rules folder goes through the same safe reload. */
@QuarkusTest
@TestProfile(RulesWatchTest.Watching.class)
class RulesWatchTest {
    static final Path DIR = CopiedRulesProfile.copy("rules");

    public static class Watching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firecheck.rules.dir", DIR.toString(), "firecheck.rules.watch", "true");
        }
    }

    static String version() {
        return given().get("/api/v1/rules").then().statusCode(200).extract().path("version");
    }

    static String awaitVersionOtherThan(String version) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String now = version();
            if (!now.equals(version)) {
                return now;
            }
            Thread.sleep(100);
        }
        return version;
    }

    @Test
    void aSavedValidChangeGoesLiveAndABrokenOneDoesNot() throws Exception {
        String before = version();
        Path drl = DIR.resolve("management.drl");
        String original = Files.readString(drl);
        Files.writeString(drl, original.replace("@title(\"Fire patrols not on schedule\")", "@title(\"Fire patrols missed\")"));
        String after = awaitVersionOtherThan(before);
        assertNotEquals(before, after, "the watcher reloaded the saved change");
        given().get("/api/v1/rules").then().body("loadedBy", equalTo("watch"));

        Files.writeString(drl, original.replace("Management(patrolsOnSchedule == false)", "Management(patrolsOnSchedule == false"));
        String outcome = "";
        for (int i = 0; i < 100 && !"INVALID".equals(outcome); i++) {
            Thread.sleep(100);
            outcome = given().get("/api/v1/rules/reloads").then().extract().path("[0].outcome");
        }
        assertEquals("INVALID", outcome, "the watcher tried the broken file");
        assertEquals(after, version(), "a broken file never goes live");
    }
}
