package io.firecheck.cli;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** bin/firecheck user add writes a user the running service signs in, with a bcrypt hash and never the password. */
@QuarkusTest
class UserCommandTest {
    static final String PASSWORD = "a long enough secret";

    @Inject
    DataSource dataSource;

    record Run(int exit, String out, String err) {
    }

    /** The command as bin/firecheck runs it, pointed at the test database and schema through the environment. */
    static Run user(String stdin, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        env.put("FIRECHECK_DATABASE_SCHEMA", ConfigProvider.getConfig().getValue("firecheck.database.schema", String.class));
        ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(p -> env.put("QUARKUS_DATASOURCE_PASSWORD", p));
        env.putAll(extraEnv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "user";
        System.arraycopy(args, 0, all, 1, args.length);
        int exit = new UserCommand(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(all);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aUserAddedFromStdinSignsInWithTheirRolesAndJurisdiction() throws Exception {
        String name = "王五-" + UUID.randomUUID().toString().substring(0, 6);
        Run r = user(PASSWORD + "\n", Map.of(), "add", name, "--role", "officer", "--role", "supervisor", "--jurisdiction", "天河区");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("created " + name), r.out());

        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT password_hash, roles, jurisdiction FROM console_user WHERE name = '" + name + "'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("$2a$12$"), "a bcrypt hash of cost 12: " + rs.getString(1));
            assertTrue(!rs.getString(1).contains(PASSWORD));
            assertEquals("officer,supervisor", rs.getString(2));
            assertEquals("天河区", rs.getString(3));
        }
        // as a browser sends the form: UTF-8, so that a Chinese name arrives intact
        Response signIn = io.firecheck.console.ConsoleUsers.postSignIn(name, PASSWORD);
        assertEquals(302, signIn.statusCode());
        TestTokens.anonymous().cookies(signIn.getCookies()).accept("text/html").get("/orders").then().statusCode(200)
                .body(containsString(name), containsString("督办负责人"), containsString("天河区"));
    }

    @Test
    void thePasswordMayComeFromTheEnvironmentAndTheSameNameTwiceIsRefused() {
        String name = "env-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(0, user("", Map.of("FIRECHECK_USER_PASSWORD", PASSWORD), "add", name, "--role", "auditor").exit());
        Run again = user("", Map.of("FIRECHECK_USER_PASSWORD", PASSWORD), "add", name, "--role", "auditor");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("exists already"), again.err());
    }

    @Test
    void wrongUsageAndShortPasswordsAreRefusedBeforeTheDatabase() {
        Run noRole = user(PASSWORD, Map.of(), "add", "x");
        assertEquals(2, noRole.exit());
        assertTrue(noRole.err().contains("--role must be among"), noRole.err());
        Run unknownRole = user(PASSWORD, Map.of(), "add", "x", "--role", "admin");
        assertTrue(unknownRole.err().contains("unknown: [admin]"), unknownRole.err());
        Run shortPassword = user("short\n", Map.of(), "add", "x", "--role", "officer");
        assertEquals(2, shortPassword.exit());
        assertTrue(shortPassword.err().contains("at least 10 characters"), shortPassword.err());
    }
}
