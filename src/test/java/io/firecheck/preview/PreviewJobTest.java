package io.firecheck.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A preview's progress as a poll reads it. */
class PreviewJobTest {

    private static PreviewJob job(PreviewJob.Status status, int done, Integer total) {
        return new PreviewJob("p", status, null, List.of(), null, "u", null, null, null, null, null, done, total, null, null);
    }

    @Test
    void percentIsDoneOfTotalRoundedDown() {
        assertEquals(33, job(PreviewJob.Status.RUNNING, 1, 3).percent());
        assertEquals(66, job(PreviewJob.Status.RUNNING, 2, 3).percent());
        assertEquals(100, job(PreviewJob.Status.DONE, 3, 3).percent());
    }

    @Test
    void beforeTheBuildingsAreCountedItIsZeroUnlessFinished() {
        assertEquals(0, job(PreviewJob.Status.RUNNING, 0, null).percent());
        assertEquals(0, job(PreviewJob.Status.QUEUED, 0, 0).percent());
        assertEquals(100, job(PreviewJob.Status.DONE, 0, 0).percent());
        assertEquals(100, job(PreviewJob.Status.FAILED, 0, null).percent());
    }
}
