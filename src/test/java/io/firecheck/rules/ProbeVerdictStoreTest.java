package io.firecheck.rules;

import static io.firecheck.rules.ClusterRulesTest.CONVERGE_MILLIS;
import static io.firecheck.rules.ClusterRulesTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.firecheck.ShippedRules;
import io.firecheck.config.ThisInstance;
import io.firecheck.engine.RuleSetLoader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A set another instance accepted is taken here without the absent-field probe when that instance, on the same
 * build, recorded its pass; a pass recorded by another build does not count. Either way this instance compiles
 * and gates the set itself (what {@link ClusterRulesTest} shows).
 */
@QuarkusTest
@TestProfile(ClusterRulesTest.QuickCheck.class)
class ProbeVerdictStoreTest {
    @Inject
    RuleSetStore store;
    @Inject
    ProbeVerdictStore verdicts;
    @Inject
    MeterRegistry meters;
    @Inject
    DataSource dataSource;

    /** The shipped rules with a comment added: a change of behaviour as far as the probe can tell. */
    static Map<String, String> changed(String comment) {
        return ShippedRules.withEdit("shafts.drl", t -> t + "\n// " + comment + "\n");
    }

    @AfterEach
    void backToTheShippedRules() throws Exception {
        ServedRules.backToShipped(store);
    }

    @Test
    void aSetAnotherInstanceOfThisBuildProbedIsTakenWithoutTheProbe() throws Exception {
        Map<String, String> files = changed("probed on instance A");
        String key = RuleSetLoader.behaviourKey(files);
        recordPass(key, verdicts.build(), "instance-a");
        double run = probes("run");
        double skipped = probes("skipped");
        String version = acceptedElsewhere(files);
        assertEquals("ok", await(() -> version.equals(ServedRules.version()), CONVERGE_MILLIS));
        assertEquals(skipped + 1, probes("skipped"));
        assertEquals(run, probes("run"));
        assertEquals(List.of("instance-a"), passes(key));
    }

    @Test
    void aPassRecordedByAnotherBuildDoesNotSpareTheProbe() throws Exception {
        Map<String, String> files = changed("probed by another build");
        String key = RuleSetLoader.behaviourKey(files);
        recordPass(key, "sha256:another build", "instance-a");
        double run = probes("run");
        String version = acceptedElsewhere(files);
        assertEquals("ok", await(() -> version.equals(ServedRules.version()), CONVERGE_MILLIS));
        assertEquals(run + 1, probes("run"));
        assertEquals(List.of("instance-a", ThisInstance.NAME), passes(key), "this build's pass, recorded here");
    }

    private double probes(String probe) {
        return meters.counter("firecheck.rule.probes", "probe", probe).count();
    }

    /** What another instance writes when it probed a set: its pass, under its build. */
    private void recordPass(String key, String build, String instance) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO rule_probe_pass (behaviour_key, build, version, instance, passed_at)
                VALUES (?, ?, 'sha256:on another instance', ?, now())
                """)) {
            st.setString(1, key);
            st.setString(2, build);
            st.setString(3, instance);
            st.executeUpdate();
        }
    }

    /** Another instance's accepted set, heard of by the periodic check. */
    private String acceptedElsewhere(Map<String, String> files) throws Exception {
        String version = RuleSetLoader.version(files);
        ClusterRulesTest.insert(dataSource, version, files);
        return version;
    }

    /** The instances that recorded a pass for this behaviour, in the order they did. */
    private List<String> passes(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT instance FROM rule_probe_pass WHERE behaviour_key = ? ORDER BY passed_at")) {
            st.setString(1, key);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
