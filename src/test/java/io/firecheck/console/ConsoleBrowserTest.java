package io.firecheck.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.TestDocs;
import io.firecheck.security.Roles;
import io.firecheck.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/** An officer's day in headless Chromium: sign in, find an overdue order, record measures, move it on, read a result, sign out. */
@QuarkusTest
class ConsoleBrowserTest extends BrowserTest {
    @Inject
    DataSource dataSource;

    /** A major-hazard tower in 天河区·沙河街道; returns [orderId, evaluationId, buildingId]. */
    static String[] openOrder() {
        String building = "BR-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = RestAssured.given().contentType(ContentType.JSON).body(TestDocs.json(TestDocs.majorTower(building)))
                .post("/api/v1/evaluations");
        r.then().statusCode(201);
        return new String[] {r.path("supervisionOrder.id"), r.path("id"), building};
    }

    void makeOverdue(String orderId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE supervision_order SET due_date = current_date - 3 WHERE id = ?")) {
            st.setObject(1, UUID.fromString(orderId));
            assertEquals(1, st.executeUpdate());
        }
    }

    @Test
    void anOfficerFindsAnOverdueOrderRecordsMeasuresAndMovesItForward() throws Exception {
        String[] order = openOrder();
        makeOverdue(order[0]);
        String officer = ConsoleUsers.add("天河区", Roles.OFFICER);

        open("/orders");
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        assertAccessible();
        signIn(officer);
        assertTrue(browser.getCurrentUrl().contains("/orders"), browser.getCurrentUrl());
        assertTrue(text().contains(officer) && text().contains("天河区"), "the signed-in user and scope are shown");

        new Select(find("#f-overdue")).selectByValue("true");
        find("#f-building").sendKeys(order[2]);
        find(".filters button[type=submit]").click();
        waitUntil(d -> d.getCurrentUrl().contains("overdue=true"));
        assertTrue(text().contains("已逾期"), text());
        assertAccessible();
        browser.findElement(By.cssSelector("a[href='/orders/" + order[0] + "']")).click();

        waitUntil(d -> d.getCurrentUrl().endsWith("/orders/" + order[0]));
        assertEquals("已挂牌督办", find("#order-status").getText());
        assertTrue(text().contains("证据") && text().contains("整改要求"), "hazards with evidence and rectification");
        assertTrue(browser.findElements(By.id("to-CLOSED")).isEmpty(), "an officer may not close (销案)");
        assertAccessible();

        recordMeasures();

        find("#note-RECTIFYING").sendKeys("单位已提交书面材料");
        find("#to-RECTIFYING").click();
        waitUntil(d -> d.getCurrentUrl().contains("done=transition"));
        assertEquals("整改中", find("#order-status").getText());
        assertTrue(text().contains("单位已提交书面材料") && text().contains(officer), "the history names who moved it and why");
        Path shot = screenshot("order-after-transition");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1366, image.getWidth(), "rendered at the office screen's width");

        TestTokens.as("reader", null, Roles.AUDITOR).get("/api/v1/supervision-orders/" + order[0]).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("RECTIFYING"))
                .body("history.by", org.hamcrest.Matchers.hasItem(officer));
    }

    @Test
    void aResultIsExplainedInChineseSentences() {
        String[] order = openOrder();
        signIn(ConsoleUsers.add("天河区", Roles.OFFICER));
        open("/evaluations?buildingId=" + order[2]);
        assertTrue(text().contains("共 1 次"), text());
        assertAccessible();
        browser.findElement(By.cssSelector("a[href='/evaluations/" + order[1] + "']")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/evaluations/" + order[1]));
        assertTrue(text().contains("本次检查的判定结果是：重大火灾隐患。"), text());
        assertTrue(text().contains("采用直接判定"), text());
        assertAccessible();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndSignOutEndsTheSession() {
        String[] order = openOrder();
        signIn(ConsoleUsers.add(null, Roles.SUPERVISOR));
        open("/orders/" + order[0]);
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('input[name=\"csrf-token\"]').forEach(e => e.remove())");
        find("#to-RECTIFYING").click();
        waitUntil(d -> d.getCurrentUrl().contains("/transition"));
        assertTrue(text().contains("请求有误") || text().contains("Bad Request") || browser.getPageSource().contains("400"), text());
        open("/orders/" + order[0]);
        assertEquals("已挂牌督办", find("#order-status").getText());

        find("form.inline button[type=submit]").click();
        waitUntil(d -> d.getCurrentUrl().contains("/login"));
        assertTrue(text().contains("您已安全退出"), text());
        open("/orders/" + order[0]);
        assertTrue(browser.getCurrentUrl().endsWith("/login"), "signed out: the order page needs a new sign-in");
    }
}
