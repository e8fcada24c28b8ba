package io.firecheck.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.security.Roles;
import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The 规则 page for signed-in staff: what each role sees, reload and preview through CSRF-protected forms. */
@QuarkusTest
public class RulesPageTest {
    static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");

    /** The page's CSRF form field and the cookie it goes with, as a browser holds them. */
    public record Form(String field, String token, String cookieName, String cookie) {
        public static Form of(Response page) {
            Matcher m = CSRF.matcher(page.asString());
            assertTrue(m.find(), "no CSRF field in the page");
            String cookie = page.getCookie(ConsoleCsrf.NAME);
            assertTrue(cookie != null, "no CSRF cookie");
            return new Form(m.group(1), m.group(2), ConsoleCsrf.NAME, cookie);
        }
    }

    private static Map<String, String> authorSession;

    static RequestSpecification author() {
        if (authorSession == null) {
            authorSession = ConsoleUsers.signIn(ConsoleUsers.add(null, Roles.RULE_AUTHOR));
        }
        return ConsoleUsers.session(authorSession);
    }

    @Test
    void everyRoleReadsTheCatalogueByAreaAndTheThresholdsInChinese() throws Exception {
        String threshold = Files.readAllLines(Path.of("rules/thresholds.properties")).stream()
                .filter(l -> l.contains("=") && !l.startsWith("#")).findFirst().orElseThrow().split("=")[0].strip();
        ConsoleUsers.browser(null, Roles.OFFICER).get("/rules").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<h1>规则</h1>")).body(containsString("规则目录")).body(containsString("判定阈值"))
                .body(containsString(threshold)).body(containsString("<caption>"))
                .body(not(containsString("action=\"/rules/reload\""))).body(not(containsString("加载记录")));
    }

    @Test
    void anAuthorSeesTheHistoryAndFormsThatCarryTheCsrfToken() {
        author().get("/rules").then().statusCode(200).body(containsString("加载记录"))
                .body(containsString("action=\"/rules/reload\"")).body(containsString("action=\"/rules/preview\""))
                .body(containsString("name=\"csrf-token\""));
    }

    @Test
    void aReloadThroughTheFormShowsItsOutcomeAndAFormWithoutTheTokenIsRefused() {
        Form form = Form.of(author().get("/rules"));
        author().cookie(form.cookieName(), form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam(form.field(), form.token()).post("/rules/reload")
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("重新加载：规则未变化"));
        author().contentType("application/x-www-form-urlencoded").formParam("x", "y").post("/rules/reload")
                .then().statusCode(400);
    }

    @Test
    void aPreviewStartsFromTheFormAndItsPageShowsProgressThenTheSummary() throws InterruptedException {
        Form form = Form.of(author().get("/rules"));
        Response started = author().cookie(form.cookieName(), form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam(form.field(), form.token()).formParam("jurisdiction", "").redirects().follow(false).post("/rules/preview");
        started.then().statusCode(303).header("Location", containsString("/rules/preview/"));
        String page = "";
        for (int i = 0; i < 600 && !page.contains("已完成"); i++) {
            page = author().get(started.header("Location")).then().statusCode(200).extract().asString();
            assertTrue(page.contains("<progress"), page);
            Thread.sleep(100);
        }
        assertTrue(page.contains("影响汇总") && page.contains("共重新判定"), page);
        assertTrue(!page.contains("http-equiv=\"refresh\""), "a finished preview stops refreshing");
    }

    @Test
    void theThresholdsFormAnswersBesideTheFieldAndWithoutItsTokenChangesNothing() {
        String lighting = "evacuation.lighting.highRise.maxDamagedPercent";
        Response page = author().get("/rules");
        page.then().statusCode(200).body(containsString("action=\"/rules/thresholds/preview\""))
                .body(containsString("<label for=\"t-" + lighting + "\">")).body(containsString("name=\"t." + lighting + "\""));
        Form form = Form.of(page);
        author().cookie(form.cookieName(), form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam(form.field(), form.token()).formParam("t." + lighting, "thirty").formParam("t.no.such.name", "1")
                .post("/rules/thresholds/preview").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("id=\"t-" + lighting + "-error\">应为数字")).body(containsString("aria-invalid=\"true\""))
                .body(containsString("没有名为 no.such.name 的阈值")).body(containsString("value=\"thirty\""));
        author().contentType("application/x-www-form-urlencoded").formParam("t." + lighting, "31")
                .post("/rules/thresholds/preview").then().statusCode(400);
        ConsoleUsers.browser(null, Roles.OFFICER).get("/rules").then().statusCode(200)
                .body(not(containsString("action=\"/rules/thresholds/preview\""))).body(containsString("/rules/thresholds.properties"));
    }

    /** A value of the right kind that the rules cannot use (a whole number read as 2.5): 422, the problem beside its field. */
    @Test
    void aChangeThatDoesNotCompileIsShownBesideItsField() {
        String operators = "controlRoom.minOperatorsPerShift";
        Form form = Form.of(author().get("/rules"));
        author().cookie(form.cookieName(), form.cookie()).contentType("application/x-www-form-urlencoded")
                .formParam(form.field(), form.token()).formParam("t." + operators, "2.5")
                .redirects().follow(false).post("/rules/thresholds/preview").then().statusCode(422).contentType(containsString("text/html"))
                .body(containsString("候选规则无法编译")).body(containsString("id=\"t-" + operators + "-error\""))
                .body(containsString("value=\"2.5\""));
    }

    @Test
    void pageErrorsAreHtml() {
        TestTokens.anonymous().redirects().follow(false).accept("text/html").get("/rules").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/login"));
        ConsoleUsers.browser(null, Roles.OFFICER).get("/rules/preview/" + java.util.UUID.randomUUID()).then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("无权访问"));
        author().get("/rules/preview/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("text/html"));
    }
}
