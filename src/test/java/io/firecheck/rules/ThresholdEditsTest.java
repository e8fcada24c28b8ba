package io.firecheck.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.firecheck.engine.RuleSet;
import io.firecheck.engine.RuleSetLoader;
import io.firecheck.engine.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Thresholds changed by name on the shipped rules: the form's fields, the checks, the file rewritten in place. */
class ThresholdEditsTest {
    static final String LIGHTING = "evacuation.lighting.highRise.maxDamagedPercent";
    static RuleSet shipped;
    static String text;

    @BeforeAll
    static void load() throws Exception {
        shipped = new RuleSetLoader().load(Path.of("rules"));
        text = Files.readString(Path.of("rules", Thresholds.FILE));
    }

    @Test
    void everyThresholdIsAFieldWithItsSectionAndComment() {
        List<ThresholdEdits.Section> sections = ThresholdEdits.sections(text);
        List<ThresholdEdits.Field> fields = sections.stream().flatMap(s -> s.fields().stream()).toList();
        assertEquals(List.copyOf(shipped.thresholds().asMap().keySet()), fields.stream().map(ThresholdEdits.Field::name).toList());
        ThresholdEdits.Field lighting = fields.stream().filter(f -> f.name().equals(LIGHTING)).findFirst().orElseThrow();
        assertEquals(shipped.thresholds().asMap().get(LIGHTING), lighting.value());
        assertTrue(lighting.comment().contains("应急照明"), lighting.comment());
        // the second of a pair without its own comment shares the first one's
        ThresholdEdits.Field other = fields.stream().filter(f -> f.name().equals("evacuation.lighting.other.maxDamagedPercent"))
                .findFirst().orElseThrow();
        assertEquals(lighting.comment(), other.comment());
        assertTrue(sections.stream().anyMatch(s -> s.title().startsWith("疏散") && s.fields().contains(lighting)), sections.toString());
    }

    @Test
    void aChangedValueIsWrittenOnItsOwnLineAndNothingElseMoves() {
        ThresholdEdits.Candidate c = ThresholdEdits.candidate(shipped, Map.of(LIGHTING, " 30.9 ", "scope.highRise.other.heightM", "24"));
        assertEquals(List.of(new ThresholdEdits.Change(LIGHTING, "30", "30.9")), c.changes());
        String after = c.files().get(Thresholds.FILE);
        List<String> before = text.lines().toList();
        List<String> now = after.lines().toList();
        assertEquals(before.size(), now.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).startsWith(LIGHTING + " ") ? LIGHTING + " = 30.9" : before.get(i), now.get(i));
        }
        assertNotEquals(shipped.version(), c.version());
        shipped.sources().forEach((file, source) -> {
            if (!file.equals(Thresholds.FILE)) {
                assertEquals(source, c.files().get(file), file);
            }
        });
    }

    @Test
    void valuesThatCannotBeUsedAreNamedInChineseAndEnglish() {
        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class, () -> ThresholdEdits.candidate(shipped,
                Map.of(LIGHTING, "三十", "no.such.threshold", "1", "scope.highRise.other.heightM", " ", "basis.2025.from", "soon",
                        "places.crowded", "HOTEL\nSHOP")));
        Map<String, String> zh = new java.util.TreeMap<>();
        e.invalid().forEach(i -> zh.put(i.name(), i.zh()));
        assertTrue(zh.get(LIGHTING).startsWith("应为数字"), zh.toString());
        assertTrue(zh.get("no.such.threshold").contains("没有名为"), zh.toString());
        assertTrue(zh.get("scope.highRise.other.heightM").contains("不能为空"), zh.toString());
        assertTrue(zh.get("basis.2025.from").startsWith("应为日期"), zh.toString());
        assertTrue(zh.get("places.crowded").contains("一行"), zh.toString());
        assertTrue(e.invalid().stream().allMatch(i -> !i.en().isBlank()));
    }

    @Test
    void aRefusedValueGoesBesideItsFieldAndTheRestAboveTheForm() {
        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class,
                () -> ThresholdEdits.candidate(shipped, Map.of(LIGHTING, "三十", "no.such.threshold", "1")));
        ThresholdEdits.FormMessages messages = ThresholdEdits.forForm(e, shipped.thresholds());
        assertEquals(List.of(LIGHTING), List.copyOf(messages.byField().keySet()));
        assertTrue(messages.byField().get(LIGHTING).startsWith("应为数字"), messages.toString());
        assertEquals(1, messages.general().size(), messages.toString());
        assertTrue(messages.general().get(0).startsWith("no.such.threshold："), messages.toString());
        InvalidThresholdsException nothing = assertThrows(InvalidThresholdsException.class,
                () -> ThresholdEdits.candidate(shipped, shipped.thresholds().asMap()));
        ThresholdEdits.FormMessages unchanged = ThresholdEdits.forForm(nothing, shipped.thresholds());
        assertEquals(Map.of(), unchanged.byField());
        assertEquals(List.of(nothing.invalid().get(0).zh()), unchanged.general());
    }

    @Test
    void nothingChangedIsRefused() {
        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class,
                () -> ThresholdEdits.candidate(shipped, shipped.thresholds().asMap()));
        assertEquals(null, e.invalid().get(0).name());
    }

    @Test
    void aCompileProblemOfAChangedValueGoesToItsField() throws Exception {
        ThresholdEdits.Candidate c = ThresholdEdits.candidate(shipped, Map.of("controlRoom.minOperatorsPerShift", "2.5"));
        var problems = assertThrows(io.firecheck.engine.RuleSetInvalidException.class,
                () -> new RuleSetLoader().load(c.files(), "test")).problems();
        Map<String, String> byName = ThresholdEdits.byName(problems, c);
        assertTrue(byName.containsKey("controlRoom.minOperatorsPerShift"), problems + " -> " + byName);
    }
}
