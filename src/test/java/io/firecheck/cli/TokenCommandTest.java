package io.firecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** bin/firecheck token prints one token and nothing else, and the running service accepts it. */
@QuarkusTest
class TokenCommandTest {
    record Run(int exit, String out, String err) {
    }

    static Run token(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theTokenItPrintsWorksAgainstTheService() {
        Run r = token("token", "--role", "officer", "--role", "supervisor", "--jurisdiction", "天河区", "--name", "张三", "--ttl", "1h");
        assertEquals(0, r.exit(), r.err());
        String jwt = r.out().strip();
        assertTrue(jwt.matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+"), "only the token: " + r.out());
        assertEquals(r.out(), jwt + System.lineSeparator());
        TestTokens.as(jwt).get("/api/v1/supervision-orders").then().statusCode(200);
        TestTokens.as(jwt).get("/api/v1/audit").then().statusCode(403);
    }

    @Test
    void wrongUsageSaysWhyOnStderr() {
        Run unknownRole = token("token", "--role", "admin");
        assertEquals(2, unknownRole.exit());
        assertEquals("", unknownRole.out());
        assertTrue(unknownRole.err().contains("admin"), unknownRole.err());
        assertEquals(2, token("token").exit());
        assertEquals(2, token("token", "--role", "officer", "--ttl", "forever").exit());
    }
}
