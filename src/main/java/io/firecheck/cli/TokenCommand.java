package io.firecheck.cli;

import io.firecheck.security.LocalTokens;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code token --role ROLE [--role ROLE …] [--jurisdiction J] [--name NAME] [--ttl 12h]}: prints one token
 * signed by the local key and nothing else, for {@code curl -H "Authorization: Bearer $(bin/firecheck token …)"}.
 */
final class TokenCommand {
    private TokenCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> roles = new ArrayList<>();
        String jurisdiction = null;
        String name = System.getProperty("user.name", "local-user");
        Duration ttl = LocalTokens.DEFAULT_TTL;
        try {
            for (int i = 1; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--role" -> roles.add(required("--role", value));
                    case "--jurisdiction" -> jurisdiction = required("--jurisdiction", value);
                    case "--name" -> name = required("--name", value);
                    case "--ttl" -> ttl = LocalTokens.parseTtl(required("--ttl", value));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            out.println(LocalTokens.sign(LocalTokens.keyPath(), name, roles, jurisdiction, ttl));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("token: " + e.getMessage());
            err.println("usage: bin/firecheck token --role ROLE [--role ROLE …] [--jurisdiction J] [--name NAME] [--ttl 12h]");
            return 2;
        }
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank() || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
