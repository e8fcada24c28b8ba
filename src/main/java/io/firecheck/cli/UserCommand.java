package io.firecheck.cli;

import io.firecheck.config.ServiceDefaults;
import io.firecheck.security.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code user add NAME --role ROLE [--role ROLE …] [--jurisdiction J]}: a console user, straight into the
 * service's database (QUARKUS_DATASOURCE_JDBC_URL/USERNAME/PASSWORD and FIRECHECK_DATABASE_SCHEMA, with the
 * service's defaults). The password comes from FIRECHECK_USER_PASSWORD or stdin, never from the command
 * line, where other users of the machine could read it; it is stored as a bcrypt hash only.
 */
final class UserCommand {
    static final String USAGE = "usage: bin/firecheck user add NAME --role ROLE [--role ROLE …] [--jurisdiction J]   "
            + "(password from FIRECHECK_USER_PASSWORD or stdin)";
    static final int MIN_PASSWORD = 10;
    /** bcrypt's cost: 2^12 rounds, about a quarter second per sign-in on one core */
    static final int COST = 12;

    private final Map<String, String> env;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    UserCommand(Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        String name;
        List<String> roles = new ArrayList<>();
        String jurisdiction = null;
        try {
            if (args.length < 3 || !args[1].equals("add") || args[2].startsWith("--")) {
                throw new IllegalArgumentException("user needs the sub-command add and a name");
            }
            name = args[2].strip();
            for (int i = 3; i < args.length; i += 2) {
                String value = i + 1 < args.length && !args[i + 1].startsWith("--") ? args[i + 1].strip() : null;
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                switch (args[i]) {
                    case "--role" -> roles.add(value);
                    case "--jurisdiction" -> jurisdiction = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            checkRoles(roles);
            if (name.isEmpty() || name.length() > 200) {
                throw new IllegalArgumentException("the name must have 1 to 200 characters");
            }
        } catch (IllegalArgumentException e) {
            err.println("user: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String password;
        try {
            password = password();
        } catch (IllegalArgumentException | IOException e) {
            err.println("user: " + e.getMessage());
            return 2;
        }
        try (Connection c = connect()) {
            insert(c, name, password, roles, jurisdiction);
        } catch (SQLException e) {
            err.println("user: " + explain(e));
            return 1;
        }
        out.println("created " + name + " (" + String.join(", ", roles) + (jurisdiction == null ? ", city-wide" : ", " + jurisdiction) + ")");
        return 0;
    }

    private static void checkRoles(List<String> roles) {
        Set<String> unknown = new LinkedHashSet<>(roles);
        unknown.removeAll(Roles.ALL);
        if (roles.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException("--role must be among " + Roles.ALL + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
        }
    }

    private String password() throws IOException {
        String password = env.get("FIRECHECK_USER_PASSWORD");
        if (password == null) {
            if (System.console() != null && in == System.in) {
                char[] first = System.console().readPassword("password for the new user: ");
                char[] again = System.console().readPassword("the same again: ");
                if (first == null || !new String(first).equals(new String(again == null ? new char[0] : again))) {
                    throw new IllegalArgumentException("the two passwords differ");
                }
                password = new String(first);
            } else {
                password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            }
        }
        if (password == null || password.strip().length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD + " characters "
                    + "(FIRECHECK_USER_PASSWORD or the first line of stdin)");
        }
        return password;
    }

    private void insert(Connection c, String name, String password, List<String> roles, String jurisdiction) throws SQLException {
        String schema = setting("FIRECHECK_DATABASE_SCHEMA", "firecheck.database.schema");
        try (PreparedStatement st = c.prepareStatement("INSERT INTO \"" + schema.replace("\"", "\"\"")
                + "\".console_user (name, password_hash, roles, jurisdiction) VALUES (?, ?, ?, ?)")) {
            st.setString(1, name);
            st.setString(2, BcryptUtil.bcryptHash(password, COST));
            st.setString(3, String.join(",", new LinkedHashSet<>(roles)));
            st.setString(4, jurisdiction);
            st.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", setting("QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username"));
        String password = env.get("QUARKUS_DATASOURCE_PASSWORD");
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(setting("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url"), props);
    }

    private static String explain(SQLException e) {
        return switch (String.valueOf(e.getSQLState())) {
            case "23505" -> "a user of this name exists already; nothing was changed";
            case "42P01" -> "the table console_user does not exist: start the service once, it migrates the database";
            case "23514" -> "the jurisdiction must not be blank";
            default -> "the database refused: " + e.getMessage();
        };
    }

    /** The environment variable, else the service's own default from application.properties. */
    private String setting(String envName, String property) {
        String value = env.get(envName);
        return value != null && !value.isBlank() ? value : ServiceDefaults.get(property);
    }
}
