package io.firecheck.console;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.TestDocs;
import io.firecheck.rules.CopiedRulesProfile;
import io.firecheck.rules.RuleSetStore;
import io.firecheck.rules.ServedRules;
import io.firecheck.security.Roles;
import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue #14's "Done when", in one walk through headless Chromium: an officer signs in, finds an overdue order
 * of their district, records measures, moves it forward, sees the district's progress chart and downloads both
 * lists; then a rule author changes a threshold, previews its impact and applies it, and the new version serves.
 */
@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
class OfficerPathBrowserTest extends BrowserTest {
    static final String LIGHTING = "evacuation.lighting.highRise.maxDamagedPercent";

    @Inject
    DataSource dataSource;
    @Inject
    RuleSetStore store;

    @AfterEach
    void backToTheShippedRules() throws Exception {
        ServedRules.backToShipped(store);
    }

    /** A tower whose emergency lighting is 30.5 % damaged, alone in a district of its own; returns that district. */
    static String storeDimTowerAlone() {
        String district = "阈值浏览器区" + UUID.randomUUID().toString().substring(0, 6);
        var doc = TestDocs.tower("OP-" + UUID.randomUUID().toString().substring(0, 8));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("building")).put("jurisdiction", district);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("evacuation")).putObject("emergencyLightingAndSigns")
                .put("total", 200).put("damaged", 61);
        RestAssured.given().contentType(ContentType.JSON).body(TestDocs.json(doc)).post("/api/v1/evaluations").then().statusCode(201);
        return district;
    }

    @Test
    void anOfficersDayThenAThresholdChangePreviewedAndApplied() throws Exception {
        String[] order = ConsoleBrowserTest.openOrder();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE supervision_order SET due_date = current_date - 3 WHERE id = ?")) {
            st.setObject(1, UUID.fromString(order[0]));
            assertEquals(1, st.executeUpdate());
        }
        String district = storeDimTowerAlone();

        // the officer: sign in, find the overdue order of 天河区 through the filters
        signIn(ConsoleUsers.add("天河区", Roles.OFFICER));
        open("/orders");
        new Select(find("#f-overdue")).selectByValue("true");
        find("#f-building").sendKeys(order[2]);
        find(".filters button[type=submit]").click();
        waitUntil(d -> d.getCurrentUrl().contains("overdue=true"));
        browser.findElement(By.cssSelector("a[href='/orders/" + order[0] + "']")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/orders/" + order[0]));

        // record measures, move it forward
        recordMeasures();
        find("#to-RECTIFYING").click();
        waitUntil(d -> d.getCurrentUrl().contains("done=transition"));
        assertEquals("整改中", find("#order-status").getText());

        // the district's progress chart
        open("/progress");
        assertEquals("svg", find("#progress-chart").getTagName());
        assertTrue(!browser.findElements(By.cssSelector("#progress-chart line.milestone")).isEmpty(), "milestones are drawn");
        assertTrue(text().contains("天河区"), text());

        // both lists, downloaded through the page's links with the browser's session
        open("/lists");
        List<String> csv = browser.findElements(By.cssSelector("a[href^='/lists/'][href*='.csv']")).stream()
                .map(a -> a.getDomAttribute("href")).toList();
        assertTrue(csv.stream().anyMatch(h -> h.startsWith("/lists/hazards.csv")) && csv.stream()
                .anyMatch(h -> h.startsWith("/lists/responsibilities.csv")), csv.toString());
        for (String href : csv) {
            String body = ConsoleUsers.session(cookies()).get(href).then().statusCode(200)
                    .contentType(containsString("text/csv")).extract().asString();
            assertTrue(body.contains(order[2]), href + " lists the order's building:\n" + body);
        }
        String responsibilities = ConsoleUsers.session(cookies()).get("/lists/responsibilities.csv").asString();
        assertTrue(responsibilities.contains("某物业公司") && responsibilities.contains("整改中"), responsibilities);

        // a rule author: a value that is no number is refused beside its field, then a threshold change is previewed
        find("form.inline button[type=submit]").click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        signIn(ConsoleUsers.add(null, Roles.RULE_AUTHOR));
        open("/rules");
        String before = ServedRules.version();
        assertTrue(text().contains(before), "the page names the version serving");
        type(LIGHTING, "三十");
        find("#preview-thresholds").click();
        waitUntil(d -> !d.findElements(By.id("t-" + LIGHTING + "-error")).isEmpty());
        assertTrue(browser.findElement(By.id("t-" + LIGHTING + "-error")).getText().startsWith("应为数字"), text());
        assertEquals("true", browser.findElement(By.id("t-" + LIGHTING)).getDomAttribute("aria-invalid"));
        assertAccessible();

        type(LIGHTING, "30.9");
        find("#thresholds-jurisdiction").sendKeys(district);
        find("#preview-thresholds").click();
        try {
            waitUntil(Duration.ofSeconds(90), d -> d.getCurrentUrl().contains("/rules/preview/")
                    && d.findElement(By.tagName("body")).getText().contains("影响汇总"));
        } catch (RuntimeException e) {
            throw new AssertionError(browser.getCurrentUrl() + "\n" + text(), e);
        }
        String summary = find("#preview-summary").getText();
        assertTrue(summary.contains("共重新判定 1 栋") && summary.contains("其中 1 栋结果会变化"), summary);
        assertTrue(find("table.threshold-changes").getText().contains(LIGHTING + " 30 30.9"), find("table.threshold-changes").getText());
        assertTrue(text().contains("EVAC-LIGHTING"), "the building that loses the finding is listed with it");
        assertAccessible();

        // applied: the new version serves, the page says it differs from the folder and offers the file
        find("#apply-preview").click();
        waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("应用预览的规则：已生效"));
        String now = ServedRules.version();
        assertTrue(!now.equals(before) && text().contains(now), "the page shows the version that serves now: " + text());
        TestTokens.as("reader", null, Roles.AUDITOR).get("/api/v1/rules").then().statusCode(200)
                .body("thresholds.'" + LIGHTING + "'", org.hamcrest.Matchers.equalTo("30.9"));
        assertTrue(find("#differs-from-disk").isDisplayed());
        String file = ConsoleUsers.session(cookies()).get(find("a[href='/rules/thresholds.properties']").getDomAttribute("href"))
                .then().statusCode(200).extract().asString();
        assertTrue(file.contains("\n" + LIGHTING + " = 30.9\n"), file);
        assertAccessible();
    }

    /** Replaces a threshold's value in the form, as a person would with the keyboard. */
    private void type(String threshold, String value) {
        WebElement input = browser.findElement(By.id("t-" + threshold));
        input.clear();
        input.sendKeys(value);
    }
}
