package io.firecheck.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.firecheck.TestDocs;
import io.firecheck.security.Roles;
import io.firecheck.security.TestTokens;
import io.restassured.specification.RequestSpecification;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sign-in, sessions, CSRF and scope of the console pages over plain HTTP (the browser tests drive the same in Chromium). */
@QuarkusTest
class ConsoleAuthTest {
    /** A browser's request: no bearer token. */
    static RequestSpecification given() {
        return TestTokens.anonymous();
    }

    static final String HTML = "text/html";

    static String openOrder() {
        Response r = io.restassured.RestAssured.given().contentType(ContentType.JSON).body(TestDocs.json(TestDocs.majorTower("CA-" + UUID.randomUUID().toString().substring(0, 8))))
                .post("/api/v1/evaluations");
        r.then().statusCode(201);
        return r.path("supervisionOrder.id");
    }

    @Test
    void aPageWithoutASessionRedirectsToTheSignInPageEvenWithABearerToken() {
        given().redirects().follow(false).accept(HTML).get("/orders")
                .then().statusCode(302).header("Location", endsWith("/login"));
        given().accept(HTML).get("/login").then().statusCode(200).contentType(containsString(HTML))
                .body(containsString("j_security_check"), containsString("用户名"));
    }

    @Test
    void aWrongPasswordLandsOnTheSignInPageWithItsMessageAndTheFormAgain() {
        String name = ConsoleUsers.add(null, Roles.OFFICER);
        Response r = ConsoleUsers.postSignIn(name, "wrong password!");
        r.then().statusCode(302).header("Location", endsWith("/login?error=1"))
                .header("Set-Cookie", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), not(containsString("quarkus-credential"))));
        given().accept(HTML).get(r.header("Location")).then().statusCode(200)
                .body(containsString("用户名或密码不正确"), containsString("j_security_check"), containsString("name=\"j_password\""));
    }

    @Test
    void aSignInPostedWithoutTheFormsTokenSignsNoOneIn() {
        String name = ConsoleUsers.add(null, Roles.OFFICER);
        // what another site's form would send: the right name and password, but neither the cookie nor the token
        given().redirects().follow(false).formParam("j_username", name).formParam("j_password", ConsoleUsers.PASSWORD)
                .post("/j_security_check").then().statusCode(303).header("Location", endsWith("/login?expired=1"))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        // the cookie without the token, and a token that is not the cookie's
        Response page = given().accept(HTML).get("/login");
        given().cookies(page.getCookies()).redirects().follow(false).formParam("j_username", name)
                .formParam("j_password", ConsoleUsers.PASSWORD).post("/j_security_check?csrf-token=" + page.getCookie("csrf-token"))
                .then().statusCode(303).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        given().accept(HTML).get("/login?expired=1").then().body(containsString("登录页面已过期"), containsString("j_security_check"));
        ConsoleUsers.signIn(name);
    }

    @Test
    void aSignInWithTheFormOfAnotherBrowserSignsNoOneIn() {
        String name = ConsoleUsers.add(null, Roles.OFFICER);
        // an attacker's own sign-in page: a form token that is valid, but for the attacker's cookie
        Response theirs = given().accept(HTML).get("/login");
        String theirAction = theirs.htmlPath().getString("**.find { it.name() == 'form' }.@action");
        Response mine = given().accept(HTML).get("/login");
        org.hamcrest.MatcherAssert.assertThat(mine.getCookie(ConsoleCsrf.NAME), not(equalTo(theirs.getCookie(ConsoleCsrf.NAME))));
        // posted from this browser, with this browser's cookie
        given().cookies(mine.getCookies()).redirects().follow(false).formParam("j_username", name)
                .formParam("j_password", ConsoleUsers.PASSWORD).post(theirAction)
                .then().statusCode(303).header("Location", endsWith("/login?expired=1")).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        // the form's own token without the cookie it was made for
        given().redirects().follow(false).formParam("j_username", name)
                .formParam("j_password", ConsoleUsers.PASSWORD).post(theirAction)
                .then().statusCode(303).header("Location", endsWith("/login?expired=1")).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        // the same form with its own cookie signs in
        given().cookies(theirs.getCookies()).redirects().follow(false).formParam("j_username", name)
                .formParam("j_password", ConsoleUsers.PASSWORD).post(theirAction)
                .then().statusCode(302).cookie("quarkus-credential");
    }

    @jakarta.inject.Inject
    SessionLifetime lifetime;

    @Test
    void aSessionPastItsAbsoluteLifetimeGoesBackToTheSignInPageHoweverActive() {
        String name = ConsoleUsers.add(null, Roles.OFFICER);
        Map<String, String> session = new java.util.HashMap<>(ConsoleUsers.signIn(name));
        given().cookies(session).redirects().follow(false).accept(HTML).get("/orders").then().statusCode(200);
        // signed in 8 hours (the default lifetime) and a second ago; the session cookie itself is still fresh
        session.put(SessionLifetime.STAMP, lifetime.stamp(java.time.Instant.now().minusSeconds(8 * 3600 + 1), name));
        Response expired = given().cookies(session).redirects().follow(false).accept(HTML).get("/orders");
        expired.then().statusCode(302).header("Location", endsWith("/login"));
        org.hamcrest.MatcherAssert.assertThat(expired.headers().getValues("Set-Cookie"), org.hamcrest.Matchers.hasItems(
                startsWith("quarkus-credential=;"), startsWith(SessionLifetime.STAMP + "=;")));
        org.hamcrest.MatcherAssert.assertThat(expired.headers().getValues("Set-Cookie"), org.hamcrest.Matchers.hasItem(
                org.hamcrest.Matchers.allOf(startsWith("quarkus-credential=;"), containsString("Path=/"))));
        // a stamp that is not the service's, or none, counts as expired
        session.put(SessionLifetime.STAMP, (java.time.Instant.now().getEpochSecond()) + ".forged");
        given().cookies(session).redirects().follow(false).accept(HTML).get("/orders").then().statusCode(302);
        session.remove(SessionLifetime.STAMP);
        given().cookies(session).redirects().follow(false).accept(HTML).get("/orders").then().statusCode(302);
    }

    @Test
    void aFreshStampOfAnotherAccountDoesNotKeepASessionAlive() {
        String name = ConsoleUsers.add(null, Roles.OFFICER);
        Map<String, String> session = ConsoleUsers.signIn(name);
        Map<String, String> other = ConsoleUsers.signIn(ConsoleUsers.add(null, Roles.OFFICER));
        // a stolen session whose own stamp has run out, with the stamp of an account the thief signed in to just now
        Map<String, String> swapped = new java.util.HashMap<>(session);
        swapped.put(SessionLifetime.STAMP, other.get(SessionLifetime.STAMP));
        Response refused = given().cookies(swapped).redirects().follow(false).accept(HTML).get("/orders");
        refused.then().statusCode(302).header("Location", endsWith("/login"));
        org.hamcrest.MatcherAssert.assertThat(refused.headers().getValues("Set-Cookie"), org.hamcrest.Matchers.hasItems(
                startsWith("quarkus-credential=;"), startsWith(SessionLifetime.STAMP + "=;")));
        given().cookies(swapped).redirects().follow(false).accept(HTML).get("/").then().statusCode(302);
        // the name is signed with the time: a stamp naming this user made without the key counts for nothing
        String[] parts = other.get(SessionLifetime.STAMP).split("\\.");
        swapped.put(SessionLifetime.STAMP, parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2]);
        given().cookies(swapped).redirects().follow(false).accept(HTML).get("/orders").then().statusCode(302);
        // each session with its own stamp is as good as before
        given().cookies(session).redirects().follow(false).accept(HTML).get("/orders").then().statusCode(200)
                .body(containsString(name));
        given().cookies(other).redirects().follow(false).accept(HTML).get("/orders").then().statusCode(200);
    }

    @Test
    void aSignedInOfficerSeesTheOrdersOfTheirJurisdictionOnly() {
        String id = openOrder();
        Map<String, String> tianhe = ConsoleUsers.signIn(ConsoleUsers.add("天河区", Roles.OFFICER));
        given().cookies(tianhe).accept(HTML).get("/orders").then().statusCode(200)
                .body(containsString("督办单"), containsString("/orders/" + id), containsString("监督员"), containsString("天河区"));
        given().cookies(tianhe).accept(HTML).get("/orders/" + id).then().statusCode(200).body(containsString("转为“整改中”"));

        Map<String, String> yuexiu = ConsoleUsers.signIn(ConsoleUsers.add("越秀区", Roles.OFFICER));
        given().cookies(yuexiu).accept(HTML).get("/orders").then().statusCode(200).body(not(containsString("/orders/" + id)));
        given().cookies(yuexiu).accept(HTML).get("/orders/" + id).then().statusCode(404).contentType(containsString(HTML))
                .body(containsString("页面或记录不存在"));
    }

    @Test
    void anAuditorSeesNoTransitionButtonAndCannotPostOne() {
        String id = openOrder();
        Map<String, String> auditor = ConsoleUsers.signIn(ConsoleUsers.add(null, Roles.AUDITOR));
        given().cookies(auditor).accept(HTML).get("/orders/" + id).then().statusCode(200).body(not(containsString("转为“")));
        given().cookies(auditor).accept(HTML).redirects().follow(false).formParam("to", "RECTIFYING")
                .post("/orders/" + id + "/transition").then().statusCode(403);
        TestTokens.as("reader", null, Roles.AUDITOR).get("/api/v1/supervision-orders/" + id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenChangesNothing() {
        String id = openOrder();
        Map<String, String> officer = ConsoleUsers.signIn(ConsoleUsers.add(null, Roles.SUPERVISOR));
        given().cookies(officer).accept(HTML).redirects().follow(false)
                .formParam("responsibleUnit", "X").post("/orders/" + id + "/measures").then().statusCode(400);
        TestTokens.as("reader", null, Roles.AUDITOR).get("/api/v1/supervision-orders/" + id)
                .then().body("requiredMeasures.responsibleUnit", equalTo(null));
    }

    @Test
    void theSessionCookieIsNoKeyToTheApiAndSignOutEndsIt() {
        Map<String, String> officer = ConsoleUsers.signIn(ConsoleUsers.add(null, Roles.OFFICER));
        given().cookies(officer).get("/api/v1/supervision-orders").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
        // Swagger UI in a signed-in browser sends its bearer token beside the session cookie: the token counts
        TestTokens.as("reader", null, Roles.AUDITOR).cookies(officer).get("/api/v1/supervision-orders").then().statusCode(200);
        Response page = given().cookies(officer).accept(HTML).get("/orders");
        String csrf = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Map<String, String> cookies = new java.util.HashMap<>(officer);
        cookies.putAll(page.getCookies());
        Response out = given().cookies(cookies).redirects().follow(false).formParam("csrf-token", csrf).post("/logout");
        out.then().statusCode(303).header("Location", endsWith("/login?out=1"));
        given().cookies(out.getCookies()).redirects().follow(false).accept(HTML).get("/orders").then().statusCode(302);
    }

    @Test
    void homeRedirectsAndUnknownPagesAreHtmlForBrowsersButProblemsForTheApi() {
        given().redirects().follow(false).accept(HTML).get("/").then().statusCode(303).header("Location", endsWith("/login"));
        Map<String, String> officer = ConsoleUsers.signIn(ConsoleUsers.add(null, Roles.OFFICER));
        given().cookies(officer).redirects().follow(false).accept(HTML).get("/").then().statusCode(303).header("Location", endsWith("/orders"));
        Map<String, String> client = ConsoleUsers.signIn(ConsoleUsers.add(null, Roles.CLIENT));
        given().cookies(client).redirects().follow(false).accept(HTML).get("/").then().statusCode(303).header("Location", endsWith("/evaluations"));
        given().cookies(client).accept(HTML).get("/evaluations").then().statusCode(200)
                .body(containsString("href=\"/evaluations\""), not(containsString("href=\"/orders\"")));
        given().cookies(client).accept(HTML).get("/orders").then().statusCode(403).contentType(startsWith(HTML)).body(containsString("无权访问"));
        given().accept(HTML).get("/no-such-page").then().statusCode(404).contentType(startsWith(HTML)).body(containsString("页面或记录不存在"));
        given().accept(HTML).get("/api/v1/no-such-thing").then().statusCode(404).contentType(containsString("application/problem+json"));
    }
}
