package io.firecheck.rules;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.firecheck.ShippedRules;
import io.firecheck.console.ConsoleUsers;
import io.firecheck.console.RulesPageTest;
import io.firecheck.engine.RuleSet;
import io.firecheck.security.Roles;
import io.restassured.specification.RequestSpecification;
import io.firecheck.engine.RuleSetLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * This instance against rule sets another instance accepts: it hears of them (notification, or the periodic
 * check), compiles and gates them itself, and stays on its set, not ready, when it cannot take one.
 */
@QuarkusTest
@TestProfile(ClusterRulesTest.QuickCheck.class)
class ClusterRulesTest {
    /** Readiness is on the management interface. */
    @io.quarkus.test.common.http.TestHTTPResource(value = "/health/ready", management = true)
    java.net.URL ready;

    static final String TITLE = "@title(\"Shaft wall fire resistance below 1.00 h\")";

    /** This instance's rules folder, a copy a test may change (as a new image would bring new rules). */
    static final Path RULES = CopiedRulesProfile.copy("rules");

    public static class QuickCheck implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("firecheck.rules.cluster-check-every", "1s", "firecheck.rules.dir", RULES.toString());
        }
    }

    @Inject
    RuleSetStore store;
    @Inject
    ClusterRuleSync sync;
    @Inject
    DataSource dataSource;

    /** The shipped rules with one rule's title changed: another valid version. */
    static RuleSet variant(String title) throws Exception {
        return new RuleSetLoader().load(ShippedRules.withEdit("shafts.drl", t -> t.replace(TITLE, "@title(\"" + title + "\")")),
                "another instance");
    }

    /**
     * Taking a set means compiling and gating it here: about a second on an idle machine (bench figures in
     * docs/deploy.md, measured by .ci/cluster-test.sh), far more on a loaded build machine, hence the margin.
     */
    static final long CONVERGE_MILLIS = 60_000;

    static String await(Supplier<Boolean> condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (condition.get()) {
                return "ok";
            }
            Thread.sleep(50);
        }
        return "timed out";
    }

    @AfterEach
    void backToTheShippedRules() throws Exception {
        ServedRules.backToShipped(store);
    }

    @Test
    void theStartupSetIsTheClustersNewest() {
        assertEquals(store.newest().orElseThrow().version(), ServedRules.version());
    }

    @Test
    void aSetAcceptedElsewhereServesHere() throws Exception {
        RuleSet other = variant("Shaft wall rating, from B");
        store.publish(other, "officer-on-b", Instant.now());
        assertEquals("ok", await(() -> other.version().equals(ServedRules.version()), CONVERGE_MILLIS));
        given().get("/api/v1/rules").then().body("loadedBy", equalTo("officer-on-b"))
                .body("rules.find { it.id == 'SHAFT-WALL-RATING' }.title", equalTo("Shaft wall rating, from B"));
        given().get("/api/v1/rules/reloads").then().body("[0].outcome", equalTo("ADOPTED"))
                .body("[0].version", equalTo(other.version()));
        given().get(ready).then().statusCode(200);
    }

    @Test
    void aMissedNotificationIsMadeUpByThePeriodicCheck() throws Exception {
        RuleSet other = variant("Shaft wall rating, unannounced");
        insert(other.version(), other.sources());
        assertEquals("ok", await(() -> other.version().equals(ServedRules.version()), CONVERGE_MILLIS));
    }

    @Test
    void aSetThisInstanceCannotCompileLeavesThePreviousServingAndNotReady() throws Exception {
        String before = ServedRules.version();
        Map<String, String> broken = ShippedRules.withEdit("shafts.drl", t -> t.replace("ShaftEntry(shaft.independent == false)",
                "ShaftEntry(shaft.independent == false"));
        insert("sha256:broken", broken);
        assertEquals("ok", await(() -> given().get(ready).statusCode() == 503, CONVERGE_MILLIS));
        assertEquals(before, ServedRules.version());
        given().get(ready).then()
                .body("checks.find { it.name == 'rule set' }.data.problem", containsString("sha256:broken (INVALID)"))
                .body("checks.find { it.name == 'rule set' }.data.version", equalTo(before));
        given().get("/api/v1/rules").then().body("problem", containsString("shafts.drl"));
        given().get("/api/v1/rules/reloads").then().body("[0].outcome", equalTo("INVALID"))
                .body("[0].version", equalTo("sha256:broken")).body("[0].instance", not(equalTo(null)));
    }

    @Test
    void restartingWithAnOlderFolderTakesTheClustersNewerSet() throws Exception {
        RuleSet newer = variant("Shaft wall rating, newer");
        store.publish(newer, "officer-on-b", Instant.now());
        assertEquals("ok", await(() -> newer.version().equals(ServedRules.version()), CONVERGE_MILLIS));
        sync.start(); // the folder still holds the shipped rules, which the cluster accepted before
        assertEquals(newer.version(), ServedRules.version());
        assertEquals(newer.version(), store.newest().orElseThrow().version());
    }

    @Test
    void aFolderTheClusterNeverAcceptedBecomesTheNewVersionAtStartup() throws Exception {
        Path drl = RULES.resolve("shafts.drl");
        String original = Files.readString(drl);
        try {
            Files.writeString(drl, original.replace(TITLE, "@title(\"Shaft wall rating, new image\")"));
            sync.start(); // what a restart with this folder does
            assertEquals(store.newest().orElseThrow().version(), ServedRules.version());
            given().get("/api/v1/rules").then().body("loadedBy", equalTo("startup"))
                    .body("rules.find { it.id == 'SHAFT-WALL-RATING' }.title", equalTo("Shaft wall rating, new image"));
            given().get("/api/v1/rules/reloads").then().body("[0].outcome", equalTo("ACTIVATED"))
                    .body("[0].by", equalTo("startup"));
        } finally {
            Files.writeString(drl, original);
        }
    }

    /**
     * A reload compares its candidate with the set this instance serves. When another instance's set became the
     * cluster's newest meanwhile (here: before this instance has taken it), the reload publishes nothing (409) and
     * that set is neither overwritten nor lost: it is served here next.
     */
    @Test
    void aReloadDoesNotOverwriteASetAcceptedElsewhereMeanwhile() throws Exception {
        whileAnotherSetIsAcceptedElsewhere("reloaded here",
                version -> given().post("/api/v1/rules/reload").then().statusCode(409).body("detail", containsString(version)));
    }

    @Test
    void aConsoleReloadOverASetAcceptedElsewhereSaysSoOnItsPage() throws Exception {
        RequestSpecification author = ConsoleUsers.session(ConsoleUsers.signIn(ConsoleUsers.add(null, Roles.RULE_AUTHOR)));
        RulesPageTest.Form form = RulesPageTest.Form.of(author.get("/rules"));
        whileAnotherSetIsAcceptedElsewhere("reloaded from the console",
                version -> author.cookie(form.cookieName(), form.cookie()).contentType("application/x-www-form-urlencoded")
                        .formParam(form.field(), form.token()).post("/rules/reload")
                        .then().statusCode(409).contentType(containsString("text/html")).body(containsString(version)));
    }

    /**
     * With shafts.drl changed in this instance's folder and another instance's set stored as the newest (before
     * this instance has heard of it), reloads ({@code reload} gets that set's version); that set is still the newest
     * afterwards, and this instance serves it next.
     */
    private void whileAnotherSetIsAcceptedElsewhere(String here, Consumer<String> reload) throws Exception {
        RuleSet other = variant("Shaft wall rating, accepted on B while " + here);
        Path drl = RULES.resolve("shafts.drl");
        String original = Files.readString(drl);
        try {
            Files.writeString(drl, original.replace(TITLE, "@title(\"Shaft wall rating, " + here + "\")"));
            insert(other.version(), other.sources()); // this instance hears of it at its next check
            reload.accept(other.version());
            assertEquals(other.version(), store.newest().orElseThrow().version());
        } finally {
            Files.writeString(drl, original);
        }
        assertEquals("ok", await(() -> other.version().equals(ServedRules.version()), CONVERGE_MILLIS));
    }

    private void insert(String version, Map<String, String> files) throws Exception {
        insert(dataSource, version, files);
    }

    /** Another instance's row, without a notification. */
    static void insert(DataSource dataSource, String version, Map<String, String> files) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO rule_set (version, files, rule_count, loaded_by, loaded_at, instance)
                VALUES (?, CAST(? AS jsonb), 0, 'officer-on-b', now(), 'b')
                """)) {
            st.setString(1, version);
            st.setString(2, io.firecheck.TestDocs.MAPPER.writeValueAsString(files));
            st.executeUpdate();
        }
    }
}
