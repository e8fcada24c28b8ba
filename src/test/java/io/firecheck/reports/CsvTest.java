package io.firecheck.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OWASP CSV injection: a cell that a spreadsheet would run as a formula is written as text. */
class CsvTest {
    static String line(Object... cells) {
        String csv = new String(Csv.write(List.of("h"), List.of(List.of(cells)), row -> row), StandardCharsets.UTF_8);
        return csv.substring(csv.indexOf("\r\n") + 2, csv.length() - 2);
    }

    @Test
    void formulaCellsAreNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"", line("=HYPERLINK(\"http://x\",\"点我\")"));
        assertEquals("\"'+1+1\"", line("+1+1"));
        assertEquals("\"'-2+3\"", line("-2+3"));
        assertEquals("\"'@SUM(A1)\"", line("@SUM(A1)"));
        assertEquals("\"'\t=1\"", line("\t=1"));
        assertEquals("\"'\r=1\"", line("\r=1"));
        assertEquals("\"'＝1+1\"", line("＝1+1"));
    }

    @Test
    void ordinaryTextAndNumbersStayAsTheyAre() {
        assertEquals("天河大厦,-5,12.5,a=b", line("天河大厦", -5, 12.5, "a=b"));
    }
}
