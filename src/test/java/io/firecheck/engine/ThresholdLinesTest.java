package io.firecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one reading of thresholds.properties' lines, which the loader and the Rules page's edits share. */
class ThresholdLinesTest {
    /** Saved on Windows: each line ends in CRLF. */
    static final String CRLF = "# ---- 疏散 Evacuation ----\r\n# 应急照明 / lighting\r\nlighting.max = 30\r\n\r\n"
            + "not a setting\r\n= 5\r\nlabel = a = b\r\n";

    @Test
    void eachLineIsAnEntryACommentBlankOrASlipNumberedFromOne() {
        List<Thresholds.Line> lines = Thresholds.lines(CRLF);
        assertEquals(8, lines.size(), "the text after the last line break is a line too");
        assertEquals("---- 疏散 Evacuation ----", lines.get(0).comment());
        assertEquals("应急照明 / lighting", lines.get(1).comment());
        Thresholds.Line lighting = lines.get(2);
        assertEquals(3, lighting.number());
        assertTrue(lighting.entry());
        assertEquals("lighting.max", lighting.name());
        assertEquals("30", lighting.value());
        assertEquals("lighting.max = 30\r", lighting.raw(), "the line as written, its CR kept for a rewrite");
        assertTrue(lines.get(3).blank());
        for (int i : new int[] {4, 5}) {
            assertFalse(lines.get(i).entry() || lines.get(i).blank(), lines.get(i).toString());
            assertNull(lines.get(i).comment());
        }
        assertEquals("a = b", lines.get(6).value(), "the first = separates");
    }

    @Test
    void theLoaderReportsEachSlipOnTheLineTheReaderNumbers() {
        List<RuleProblem> problems = new ArrayList<>();
        Thresholds thresholds = Thresholds.parse(CRLF, problems);
        assertEquals(Map.of("lighting.max", "30", "label", "a = b"), thresholds.asMap());
        assertEquals(List.of(5, 6), problems.stream().map(RuleProblem::line).toList(), problems.toString());
        assertEquals(3, thresholds.entry("lighting.max").orElseThrow().line());
    }
}
