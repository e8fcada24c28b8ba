package io.firecheck.faults;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Runs the service against PostgreSQL through a {@link TcpProxy} that the test cuts and restores. */
public class ProxiedDatabaseProfile implements QuarkusTestProfile {
    static final TcpProxy PROXY = start();

    private static TcpProxy start() {
        try {
            return new TcpProxy("127.0.0.1", 5432);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String db = System.getenv().getOrDefault("FIRECHECK_TEST_DB", "postgres");
        return Map.of("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://127.0.0.1:" + PROXY.port() + "/" + db + "?currentSchema=firecheck_test");
    }
}
