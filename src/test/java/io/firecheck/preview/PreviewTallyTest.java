package io.firecheck.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.firecheck.engine.Classification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a change, and how the totals read in Chinese. */
class PreviewTallyTest {
    static PreviewTally.Stored stored(String building, Classification c, List<String> findings, String version) {
        return new PreviewTally.Stored("e-" + building, "i-" + building, building, "天河区", c, findings, version);
    }

    @Test
    void sameClassificationAndFindingsIsNoChangeWhateverTheOrder() {
        assertNull(PreviewTally.compare(stored("B1", Classification.GENERAL_HAZARD, List.of("A", "B"), "v1"),
                Classification.GENERAL_HAZARD, List.of("B", "A")));
    }

    @Test
    void aChangeNamesTheFindingsAddedAndRemovedSorted() {
        PreviewJob.Change c = PreviewTally.compare(stored("B1", Classification.GENERAL_HAZARD, List.of("C", "A"), "v1"),
                Classification.MAJOR_HAZARD, List.of("D", "B", "A"));
        assertEquals(List.of("B", "D"), c.findingsAdded());
        assertEquals(List.of("C"), c.findingsRemoved());
        assertEquals(Classification.MAJOR_HAZARD, c.to());
    }

    @Test
    void totalsCountEachTransitionMostFirstAndSayItInChinese() {
        PreviewTally tally = new PreviewTally("v1");
        for (int i = 0; i < 12; i++) {
            PreviewTally.Stored s = stored("G" + i, Classification.GENERAL_HAZARD, List.of("A"), "v1");
            tally.evaluated(s, PreviewTally.compare(s, Classification.MAJOR_HAZARD, List.of("A", "X")));
        }
        PreviewTally.Stored same = stored("S", Classification.GENERAL_HAZARD, List.of("A"), "v0");
        tally.evaluated(same, PreviewTally.compare(same, Classification.GENERAL_HAZARD, List.of("B")));
        PreviewTally.Stored unchanged = stored("U", Classification.COMPLIANT, List.of(), "v1");
        tally.evaluated(unchanged, PreviewTally.compare(unchanged, Classification.COMPLIANT, List.of()));
        tally.failed(stored("F", Classification.COMPLIANT, List.of(), "v1"), "boom");
        PreviewJob.Result r = tally.result();
        assertEquals(14, r.evaluated());
        assertEquals(13, r.changed());
        assertEquals(1, r.failed());
        assertEquals(1, r.storedUnderOtherVersions());
        assertEquals("12 栋由一般隐患变为重大隐患", r.totals().get(0).summaryZh());
        assertEquals("1 栋仍为一般隐患，但隐患项有增减", r.totals().get(1).summaryZh());
        assertEquals("共重新判定 14 栋建筑（各取最近一次检查），其中 13 栋结果会变化：12 栋由一般隐患变为重大隐患；"
                + "1 栋仍为一般隐患，但隐患项有增减。另有 1 栋无法判定，见 failures。", r.summaryZh());
    }
}
