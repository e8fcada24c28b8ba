package io.firecheck.console;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.common.http.TestHTTPResource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the console's browser tests: headless Chromium from Debian's packages (never downloaded: driver and
 * binary are given explicitly, so Selenium Manager has nothing to fetch), a fresh profile per test class, the
 * service on its random test port. Subclasses are @QuarkusTest classes; they sign in with {@link #signIn},
 * check each page with {@link #assertAccessible} and may save {@link #screenshot}s under target/browser.
 */
public abstract class BrowserTest {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** axe rule tags the console must pass: form labels, colour contrast, keyboard use */
    static final List<String> AXE_TAGS = List.of("cat.forms", "cat.color", "cat.keyboard");

    protected static WebDriver browser;
    private static Path profile;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("headless Chromium is needed: apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        profile = Files.createTempDirectory("firecheck-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1366,768", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Each test starts signed out. */
    @BeforeEach
    void signedOut() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    /** Through the sign-in page, as a person would; ends on the page the console sends them to. */
    protected void signIn(String name) {
        // loaded now: the form's action carries a token of the browser's current CSRF cookie (login CSRF)
        open("/login");
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(ConsoleUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login") && !d.getCurrentUrl().contains("j_security_check"));
    }

    /** On an order's page, as an officer writes them down from the owner's letter: the measures, saved. */
    protected void recordMeasures() {
        find("#m-responsibleUnit").sendKeys("某物业公司");
        find("#m-responsiblePerson").sendKeys("李四");
        find("#m-rectificationPlan").sendKeys("增设喷淋系统");
        find("#m-measures").sendKeys("委托设计施工");
        find("#m-funding").sendKeys("维修基金 120 万元");
        find("#m-interimSafetyMeasures").sendKeys("增加巡查、配备灭火器");
        find("#save-measures").click();
        waitUntil(d -> d.getCurrentUrl().contains("done=measures"));
    }

    protected WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    protected String text() {
        return browser.findElement(By.tagName("body")).getText();
    }

    protected void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        waitUntil(Duration.ofSeconds(15), condition);
    }

    /** Polls the condition; an element that goes stale because the page navigated or refreshed is polled again. */
    protected void waitUntil(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /** A PNG of the viewport under target/browser; returns its path. */
    protected Path screenshot(String name) throws IOException {
        Path file = Path.of("target/browser", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** axe-core run in the page: no violation of the label, contrast and keyboard rules. */
    @SuppressWarnings("unchecked")
    protected void assertAccessible() {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));
                """, AXE_TAGS);
        List<String> violations = (List<String>) result;
        assertTrue(violations.isEmpty(), browser.getCurrentUrl() + " has accessibility violations:\n" + String.join("\n", violations));
    }

    private static String axe;

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("src/test/resources/axe/axe.min.js is missing", e);
            }
        }
        return axe;
    }

    /** The cookies the browser holds, for a request made beside it. */
    protected Map<String, String> cookies() {
        return browser.manage().getCookies().stream().collect(java.util.stream.Collectors.toMap(
                org.openqa.selenium.Cookie::getName, org.openqa.selenium.Cookie::getValue));
    }
}
