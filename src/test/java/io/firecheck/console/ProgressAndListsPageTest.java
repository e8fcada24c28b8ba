package io.firecheck.console;

import static io.firecheck.TestDocs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firecheck.TestDocs;
import io.firecheck.security.Roles;
import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 整改进度 and 清单 for signed-in staff: headings, the SVG chart, table rows, CSV links, and jurisdiction scope. */
@QuarkusTest
class ProgressAndListsPageTest {
    static final String J = "进度区" + UUID.randomUUID().toString().substring(0, 6);
    static final String OTHER = J + "外";
    static String building;
    static List<String> findings;
    static String order;

    @BeforeEach
    void store() {
        if (building != null) {
            return;
        }
        building = "PG-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode doc = TestDocs.majorTower(building);
        ((ObjectNode) doc.get("building")).put("jurisdiction", J + "·沙河街道");
        Response r = given().contentType(ContentType.JSON).body(json(doc)).post("/api/v1/evaluations");
        r.then().statusCode(201);
        findings = r.path("findings.ruleId");
        order = r.path("supervisionOrder.number");
        ObjectNode elsewhere = TestDocs.majorTower("PG-" + UUID.randomUUID().toString().substring(0, 8));
        ((ObjectNode) elsewhere.get("building")).put("jurisdiction", OTHER);
        given().contentType(ContentType.JSON).body(json(elsewhere)).post("/api/v1/evaluations").then().statusCode(201);
    }

    @Test
    void theProgressChartIsAnSvgWithEachJurisdictionsBarAndTheMilestones() {
        String page = ConsoleUsers.browser(J, Roles.OFFICER).get("/progress").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("<h1>整改进度</h1>")).extract().asString();
        assertTrue(page.contains("<svg id=\"progress-chart\""), page);
        assertTrue(page.contains(J + "·沙河街道"), page);
        assertTrue(!page.contains(OTHER), "another district's row is shown: " + page);
        for (String milestone : List.of(">50%<", ">80%<", ">100%<")) {
            assertTrue(page.contains(milestone), milestone + " missing");
        }
        assertTrue(page.split("class=\"milestone\"").length - 1 == 3, page);
        assertTrue(page.contains("class=\"open-major\"") && page.contains("重大火灾隐患建筑未整改 " + findings.size()), page);
        assertTrue(page.contains("/lists/progress.csv"), page);
    }

    @Test
    void theListsShowOpenHazardsAndOpenOrdersWithCsvLinksInTheCallersDistrictOnly() {
        String page = ConsoleUsers.browser(J, Roles.OFFICER).get("/lists").then().statusCode(200)
                .body(containsString("问题隐患清单")).body(containsString("整改责任清单"))
                .body(containsString("/lists/hazards.csv")).body(containsString("/lists/responsibilities.csv"))
                .body(not(containsString(OTHER))).extract().asString();
        for (String ruleId : findings) {
            assertTrue(page.contains("<code>" + ruleId + "</code>"), ruleId + " missing");
        }
        assertTrue(page.contains(order), "order " + order + " missing");
        ConsoleUsers.browser(OTHER, Roles.OFFICER).get("/lists").then().statusCode(200).body(not(containsString(building)));
        ConsoleUsers.browser(J, Roles.OFFICER).get("/lists/hazards.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).body(containsString(building), containsString(findings.get(0)));
        ConsoleUsers.browser(OTHER, Roles.OFFICER).get("/lists/responsibilities.csv").then().statusCode(200)
                .body(not(containsString(order)));
        ConsoleUsers.browser(J, Roles.OFFICER).queryParam("jurisdiction", J + "·沙河街道").get("/lists").then()
                .body(containsString("jurisdiction=" + java.net.URLEncoder.encode(J + "·沙河街道", java.nio.charset.StandardCharsets.UTF_8)));
        // as a form sends it: spaces around the name are not part of it, and a blank one is every area in reach
        ConsoleUsers.browser(J, Roles.OFFICER).queryParam("jurisdiction", " " + J + "·沙河街道 ").get("/lists").then()
                .body(containsString("jurisdiction=" + java.net.URLEncoder.encode(J + "·沙河街道", java.nio.charset.StandardCharsets.UTF_8)))
                .body(not(containsString("jurisdiction=+")));
        ConsoleUsers.browser(J, Roles.OFFICER).queryParam("jurisdiction", "  ").get("/lists").then().statusCode(200)
                .body(not(containsString("jurisdiction=")));
    }

    @Test
    void theRolesOfTheReportsApplyAndErrorsAreHtml() {
        ConsoleUsers.browser(null, Roles.CLIENT).get("/progress").then().statusCode(403).contentType(containsString("text/html"));
        ConsoleUsers.browser(null, Roles.CLIENT).get("/lists").then().statusCode(403).contentType(containsString("text/html"));
        TestTokens.anonymous().redirects().follow(false).accept("text/html").get("/lists").then().statusCode(302);
        ConsoleUsers.browser(null, Roles.AUDITOR).get("/progress").then().statusCode(200);
    }
}
