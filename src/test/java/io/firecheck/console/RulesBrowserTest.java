package io.firecheck.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.TestDocs;
import io.firecheck.rules.CopiedRulesProfile;
import io.firecheck.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/** 整改进度, 清单 and 规则 in headless Chromium, on a copy of the rules folder that the test may change. */
@QuarkusTest
@TestProfile(CopiedRulesProfile.class)
class RulesBrowserTest extends BrowserTest {
    /** Stores a major-hazard tower (天河区); returns the rule ids it was found to break. */
    static List<String> storeMajorTower() {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(TestDocs.json(TestDocs.majorTower("RB-" + UUID.randomUUID().toString().substring(0, 8))))
                .post("/api/v1/evaluations").then().statusCode(201).extract().path("findings.ruleId");
    }

    @Test
    void theProgressChartIsDrawnAndBothListsOfferTheirCsv() throws IOException {
        storeMajorTower();
        open("/progress");
        signIn(ConsoleUsers.add("天河区", Roles.OFFICER));
        open("/progress");
        WebElement chart = find("#progress-chart");
        assertTrue(chart.isDisplayed(), "the chart is shown");
        assertTrue(!browser.findElements(By.cssSelector("#progress-chart line.milestone")).isEmpty(), "milestones are drawn");
        assertAccessible();
        assertTrue(colours(screenshot("progress-chart"), chart.getRect()) >= 3, "the screenshot shows a chart in several colours");

        open("/lists");
        assertTrue(text().contains("问题隐患清单") && text().contains("整改责任清单"), text());
        long csvLinks = browser.findElements(By.cssSelector("a[href^='/lists/'][href*='.csv']")).size();
        assertTrue(csvLinks >= 2, "a CSV download for each list");
        assertAccessible();
    }

    @Test
    void aBrokenRuleIsShownWithFileAndLineThenARuleChangeIsPreviewed() throws IOException {
        List<String> found = storeMajorTower();
        open("/rules");
        signIn(ConsoleUsers.add(null, Roles.RULE_AUTHOR));
        open("/rules");
        assertAccessible();

        Path broken = CopiedRulesProfile.DIR.resolve("zz-broken.drl");
        Files.writeString(broken, "package firecheck\n\nrule \"BROKEN\"\nwhen\n    $b : Building( heightM > )\nthen\nend\n");
        try {
            find("form[action='/rules/reload'] button").click();
            try {
                waitUntil(d -> !d.findElements(By.cssSelector(".rule-problem")).isEmpty());
            } catch (RuntimeException e) {
                throw new AssertionError(browser.getCurrentUrl() + "\n" + text(), e);
            }
            assertTrue(find(".rule-problem").getText().contains("zz-broken.drl"), find(".rule-problem").getText());
            assertAccessible();
        } finally {
            Files.delete(broken);
        }

        String ruleId = found.get(0);
        Path file = fileOf(ruleId);
        try {
            Files.writeString(file, withoutRule(Files.readString(file), ruleId));
            open("/rules");
            find("form[action='/rules/preview'] button").click();
            try {
                waitUntil(Duration.ofSeconds(90), d -> d.getCurrentUrl().contains("/rules/preview/")
                        && d.findElement(By.tagName("body")).getText().contains("影响汇总"));
            } catch (RuntimeException e) {
                throw new AssertionError(browser.getCurrentUrl() + "\n" + text(), e);
            }
            assertTrue(text().contains(ruleId), "the building that loses the finding is listed with it: " + text());
            assertAccessible();
        } finally {
            CopiedRulesProfile.restore(file.getFileName().toString());
        }
    }

    /** The DRL file of the copied folder that declares this rule. */
    static Path fileOf(String ruleId) throws IOException {
        try (Stream<Path> files = Files.list(CopiedRulesProfile.DIR)) {
            return files.filter(f -> f.toString().endsWith(".drl")).filter(f -> {
                try {
                    return Files.readString(f).contains("rule \"" + ruleId + "\"");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).findFirst().orElseThrow(() -> new AssertionError("no DRL file declares " + ruleId));
        }
    }

    /** The text without the rule's block, from its `rule` line to its `end` line. */
    static String withoutRule(String drl, String ruleId) {
        Matcher m = Pattern.compile("(?ms)^rule \"" + Pattern.quote(ruleId) + "\".*?^end\\s*$").matcher(drl);
        assertTrue(m.find(), "rule block of " + ruleId);
        return drl.substring(0, m.start()) + drl.substring(m.end());
    }

    /** Distinct strong colours (not grey) in the element's area of the screenshot. */
    static int colours(Path png, Rectangle area) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        Set<Integer> seen = new HashSet<>();
        for (int x = Math.max(0, area.x); x < Math.min(image.getWidth(), area.x + area.width); x += 2) {
            for (int y = Math.max(0, area.y); y < Math.min(image.getHeight(), area.y + area.height); y += 2) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    seen.add(rgb & 0xf0f0f0);
                }
            }
        }
        return seen.size();
    }
}
