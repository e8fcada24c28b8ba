package io.firecheck.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * "Printable": an order page and the progress page printed by headless Chromium (CDP Page.printToPDF), and
 * laid out for print (print media emulated): navigation, forms and buttons gone, the content still there.
 */
@QuarkusTest
class PrintTest extends BrowserTest {
    @Test
    void anOrderPageAndTheProgressPagePrintWithoutNavigationOrButtons() throws Exception {
        String order = ConsoleBrowserTest.openOrder()[0];
        open("/login");
        signIn(ConsoleUsers.add("天河区", Roles.SUPERVISOR));

        open("/orders/" + order);
        assertPrintable("order", "隐患（", "转为“整改中”");
        open("/progress");
        assertPrintable("progress", "整改进度", null);
    }

    /** On screen the navigation shows; printed it does not, the heading does, and the PDF holds pages. */
    private void assertPrintable(String name, String content, String buttonText) throws Exception {
        ChromeDriver chrome = (ChromeDriver) browser;
        assertEquals("block", visibility("header.top nav"), "on screen the navigation shows");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals("none", visibility("header.top nav"), name + ": navigation printed");
            assertEquals("none", visibility("form[action='/logout']"), name + ": the sign-out button printed");
            String printed = (String) ((JavascriptExecutor) browser).executeScript("return document.querySelector('main').innerText");
            assertTrue(printed.contains(content), name + " prints without " + content + ": " + printed);
            if (buttonText != null) {
                Object shown = ((JavascriptExecutor) browser).executeScript(
                        "return [...document.querySelectorAll('button')].filter(b => b.offsetParent !== null).map(b => b.innerText).join('|')");
                assertTrue(!String.valueOf(shown).contains(buttonText), name + " prints the button " + buttonText + ": " + shown);
            }
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        Map<String, Object> pdf = chrome.executeCdpCommand("Page.printToPDF", Map.of("printBackground", false,
                "paperWidth", 8.27, "paperHeight", 11.69));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Path file = Path.of("target/browser", name + ".pdf");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        assertTrue(new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-") && bytes.length > 5_000,
                name + ": not a PDF with content (" + bytes.length + " bytes)");
    }

    private String visibility(String css) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? getComputedStyle(e).display : 'missing'", css);
    }
}
