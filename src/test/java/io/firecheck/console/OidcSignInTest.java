package io.firecheck.console;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.firecheck.TestDocs;
import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through the city's OIDC provider (authorization code flow), against {@link FakeOidcProvider}: the
 * browser's redirects are followed by hand, cookies kept as a browser keeps them.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.WithProvider.class)
class OidcSignInTest {
    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeOidcProvider.class));
        }
    }

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String provider;

    /** A browser's cookie jar for the service (the provider sets none). */
    private final Map<String, String> cookies = new HashMap<>();

    private Response browse(String url) {
        Response r = TestTokens.anonymous().urlEncodingEnabled(false).cookies(cookies).redirects().follow(false)
                .accept("text/html").get(url);
        keep(r);
        return r;
    }

    private void keep(Response r) {
        for (Cookie c : r.getDetailedCookies()) {
            if (c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
    }

    /** Opens a page without a session, signs in at the provider as this user, and ends on the page. */
    private Response signIn(String path, String user) {
        Response challenge = browse(path);
        assertThat(challenge.statusCode(), org.hamcrest.Matchers.is(302));
        String authorize = challenge.header("Location");
        assertThat(authorize, startsWith(provider + "/authorize?"));
        Response granted = TestTokens.anonymous().urlEncodingEnabled(false).redirects().follow(false)
                .get(authorize + "&login_hint=" + user);
        granted.then().statusCode(302).header("Location", containsString("/login/sso?"));
        Response back = browse(granted.header("Location"));
        back.then().statusCode(302).header("Location", endsWith(path));
        return browse(back.header("Location"));
    }

    static String openOrder(String jurisdiction) {
        ObjectNode doc = TestDocs.majorTower("OI-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) doc.get("building")).put("jurisdiction", jurisdiction);
        Response r = RestAssured.given().contentType(ContentType.JSON).body(TestDocs.json(doc)).post("/api/v1/evaluations");
        r.then().statusCode(201);
        return r.path("supervisionOrder.id");
    }

    @Test
    void staffSignInAtTheProviderWithItsRolesAndJurisdictionAndSignOutThere() {
        String tianhe = openOrder("天河区");
        String yuexiu = openOrder("越秀区");
        browse("/login").then().statusCode(200).body(containsString("href=\"/login/sso\""), not(containsString("j_password")));

        Response orders = signIn("/orders", "tianhe-officer");
        orders.then().statusCode(200).body(containsString("王五"), containsString("监督员"), containsString("天河区"),
                containsString("/orders/" + tianhe), not(containsString("/orders/" + yuexiu)));
        browse("/orders/" + tianhe).then().statusCode(200).body(containsString("转为“整改中”"));
        browse("/orders/" + yuexiu).then().statusCode(404).body(containsString("页面或记录不存在"));
        // the provider's session is a console session: no key to the JSON API; local bearer tokens still are
        TestTokens.anonymous().cookies(cookies).get("/api/v1/supervision-orders").then().statusCode(401);
        RestAssured.given().get("/api/v1/supervision-orders/" + yuexiu).then().statusCode(200);

        String csrf = browse("/orders").htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        Response out = TestTokens.anonymous().cookies(cookies).redirects().follow(false).formParam("csrf-token", csrf).post("/logout");
        keep(out);
        out.then().statusCode(302).header("Location", startsWith(provider + "/logout?"));
        Response ended = TestTokens.anonymous().urlEncodingEnabled(false).redirects().follow(false).get(out.header("Location"));
        ended.then().statusCode(302).header("Location", endsWith("/login?out=1"));
        browse(ended.header("Location")).then().statusCode(200).body(containsString("您已安全退出"));
        assertThat(RestAssured.given().get(provider + "/end-sessions").<Integer>path("count"), greaterThan(0));
        browse("/orders").then().statusCode(302).header("Location", startsWith(provider + "/authorize?"));
    }

    @Test
    void aCityWideSupervisorSeesEveryDistrictAndTheSsoEntryLeadsToTheirStartPage() {
        String yuexiu = openOrder("越秀区");
        Response start = signIn("/login/sso", "city-supervisor");
        start.then().statusCode(303).header("Location", endsWith("/orders"));
        browse("/orders/" + yuexiu).then().statusCode(200).body(containsString("赵六"), containsString("全市"));
    }
}
