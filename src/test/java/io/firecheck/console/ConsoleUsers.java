package io.firecheck.console;


import io.firecheck.users.ConsoleUser;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Console users for tests, and signing in as one over HTTP. */
public final class ConsoleUsers {
    public static final String PASSWORD = "correct horse battery";

    private ConsoleUsers() {
    }

    /** A fresh user (a unique name) with the given jurisdiction (null: city-wide) and roles. */
    public static String add(String jurisdiction, String... roles) {
        String name = "u-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleUser u = new ConsoleUser();
        u.name = name;
        u.passwordHash = BcryptUtil.bcryptHash(PASSWORD, 4);
        u.roles = String.join(",", roles);
        u.jurisdiction = jurisdiction;
        u.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> CDI.current().select(EntityManager.class).get().persist(u));
        return name;
    }

    /** A browser signed in as a fresh user with this jurisdiction (null: city-wide) and these roles. */
    public static io.restassured.specification.RequestSpecification browser(String jurisdiction, String... roles) {
        return session(signIn(add(jurisdiction, roles)));
    }

    /** A browser holding these session cookies, asking for pages. */
    public static io.restassured.specification.RequestSpecification session(Map<String, String> cookies) {
        // what Chromium sends for a page or a link
        return io.firecheck.security.TestTokens.anonymous().cookies(cookies).accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    /** The session cookies after a form sign-in, without a bearer token. */
    public static Map<String, String> signIn(String name) {
        Response r = postSignIn(name, PASSWORD);
        if (r.statusCode() != 302 || r.getCookie("quarkus-credential") == null) {
            throw new AssertionError("sign-in failed: " + r.statusCode() + " " + r.headers());
        }
        return r.getCookies();
    }

    /** The sign-in form posted as a browser does: UTF-8, with the CSRF cookie and the form's action from the page. */
    public static Response postSignIn(String name, String password) {
        Response page = io.firecheck.security.TestTokens.anonymous().accept("text/html").get("/login");
        String action = page.htmlPath().getString("**.find { it.name() == 'form' }.@action");
        return io.firecheck.security.TestTokens.anonymous().cookies(page.getCookies()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("j_username", name).formParam("j_password", password).post(action);
    }
}
