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
    void valuesThatCannotBeUsedAreNamedEachWithWhyAndTheValueServing() {
        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class, () -> ThresholdEdits.candidate(shipped,
                Map.of(LIGHTING, "三十", "no.such.threshold", "1", "scope.highRise.other.heightM", " ", "basis.2025.from", "soon",
                        "places.crowded", "HOTEL\nSHOP")));
        Map<String, ThresholdEdits.Refusal> why = new java.util.TreeMap<>();
        e.invalid().forEach(i -> why.put(i.name(), i.refusal()));
        assertEquals(Map.of(LIGHTING, ThresholdEdits.Refusal.NOT_A_NUMBER, "no.such.threshold", ThresholdEdits.Refusal.UNKNOWN_NAME,
                "scope.highRise.other.heightM", ThresholdEdits.Refusal.EMPTY, "basis.2025.from", ThresholdEdits.Refusal.NOT_A_DATE,
                "places.crowded", ThresholdEdits.Refusal.NOT_ONE_LINE), why);
        ThresholdEdits.Invalid lighting = e.invalid().stream().filter(i -> LIGHTING.equals(i.name())).findFirst().orElseThrow();
        assertEquals(shipped.thresholds().asMap().get(LIGHTING), lighting.serving());
        assertTrue(lighting.en().contains(lighting.serving()), lighting.en());
        assertTrue(e.invalid().stream().allMatch(i -> !i.en().isBlank()));
    }

    @Test
    void nothingChangedIsRefused() {
        InvalidThresholdsException e = assertThrows(InvalidThresholdsException.class,
                () -> ThresholdEdits.candidate(shipped, shipped.thresholds().asMap()));
        assertEquals(null, e.invalid().get(0).name());
        assertEquals(ThresholdEdits.Refusal.NOTHING_CHANGED, e.invalid().get(0).refusal());
    }
}
