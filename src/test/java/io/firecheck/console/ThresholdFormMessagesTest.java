package io.firecheck.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetInvalidException;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.rules.InvalidThresholdsException;
import io.firecheck.rules.ThresholdEdits;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The thresholds form's Chinese messages for values the shipped rules refuse, and where on the form each goes. */
class ThresholdFormMessagesTest {
    static final String LIGHTING = "evacuation.lighting.highRise.maxDamagedPercent";
    static RuleSet shipped;

    @BeforeAll
    static void load() throws Exception {
        shipped = new RuleSetLoader().load(io.firecheck.ShippedRules.RULES);
    }

    static InvalidThresholdsException refused(Map<String, String> values) {
        return assertThrows(InvalidThresholdsException.class, () -> ThresholdEdits.candidate(shipped, values));
    }

    @Test
    void eachRefusalIsWordedInChinese() {
        InvalidThresholdsException e = refused(Map.of(LIGHTING, "三十", "no.such.threshold", "1", "scope.highRise.other.heightM", " ",
                "basis.2025.from", "soon", "places.crowded", "HOTEL\nSHOP"));
        Map<String, String> zh = new TreeMap<>();
        e.invalid().forEach(i -> zh.put(i.name(), ThresholdFormMessages.zh(i)));
        assertEquals("应为数字（如 27 或 1.5），现值为 " + shipped.thresholds().asMap().get(LIGHTING) + "。", zh.get(LIGHTING));
        assertTrue(zh.get("no.such.threshold").contains("没有名为 no.such.threshold"), zh.toString());
        assertTrue(zh.get("scope.highRise.other.heightM").contains("不能为空"), zh.toString());
        assertTrue(zh.get("basis.2025.from").startsWith("应为日期"), zh.toString());
        assertTrue(zh.get("places.crowded").contains("一行"), zh.toString());
    }

    @Test
    void aRefusedValueGoesBesideItsFieldAndTheRestAboveTheForm() {
        ThresholdFormMessages messages = ThresholdFormMessages.of(refused(Map.of(LIGHTING, "三十", "no.such.threshold", "1")),
                shipped.thresholds());
        assertEquals(List.of(LIGHTING), List.copyOf(messages.byField().keySet()));
        assertTrue(messages.byField().get(LIGHTING).startsWith("应为数字"), messages.toString());
        assertEquals(1, messages.general().size(), messages.toString());
        assertTrue(messages.general().get(0).startsWith("no.such.threshold："), messages.toString());
        ThresholdFormMessages unchanged = ThresholdFormMessages.of(refused(shipped.thresholds().asMap()), shipped.thresholds());
        assertEquals(Map.of(), unchanged.byField());
        assertEquals(List.of("没有修改任何阈值：请先改动至少一个值。"), unchanged.general());
    }

    @Test
    void aCompileProblemOfAChangedValueGoesToItsField() {
        ThresholdEdits.Candidate c = ThresholdEdits.candidate(shipped, Map.of("controlRoom.minOperatorsPerShift", "2.5"));
        var problems = assertThrows(RuleSetInvalidException.class, () -> new RuleSetLoader().load(c.files(), "test")).problems();
        Map<String, String> byName = ThresholdFormMessages.byName(problems, c);
        assertTrue(byName.containsKey("controlRoom.minOperatorsPerShift"), problems + " -> " + byName);
    }
}
