package io.firecheck.preview;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.firecheck.engine.Classification;
import io.firecheck.rules.ThresholdEdits;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rule-change impact preview as GET /api/v1/rules/preview/{id} shows it (docs/api/rule-preview.md). */
@Schema(name = "RulePreview")
public record PreviewJob(String id, Status status, Source source, List<ThresholdEdits.Change> thresholdChanges, String jurisdiction, String requestedBy,
                         String candidateVersion, String activeVersion, String instance, Instant startedAt,
                         Instant finishedAt, int done, Integer total, String problem,
                         @Schema(implementation = Result.class) @JsonRawValue String result) {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** DONE or FAILED: the job changes no more, a poll can stop. */
    @JsonProperty
    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    /** done of total in whole percent, rounded down; before the buildings are counted 0, or 100 once finished. */
    @JsonProperty
    public int percent() {
        return total == null || total == 0 ? (finished() ? 100 : 0) : (int) (100L * done / total);
    }

    public enum Source { DISK, UPLOAD, THRESHOLDS }

    /** Everything the candidate would change, compared with each building's latest stored result. */
    @Schema(name = "RulePreviewResult")
    public record Result(int evaluated, int changed, int failed, int storedUnderOtherVersions, String summaryZh,
                         List<Transition> totals, List<Change> buildings, List<Failure> failures) {
    }

    /** How many buildings would move from one classification to another (from = to: findings changed only). */
    @Schema(name = "RulePreviewTransition")
    public record Transition(Classification from, Classification to, int buildings, String summaryZh) {
    }

    /** One building whose result would change. */
    @Schema(name = "RulePreviewChange")
    public record Change(String buildingId, String jurisdiction, String evaluationId, String inspectionId,
                         Classification from, Classification to, List<String> findingsAdded, List<String> findingsRemoved) {
    }

    /** A stored inspection the candidate could not evaluate (a rule that keeps firing, a document it cannot read). */
    @Schema(name = "RulePreviewFailure")
    public record Failure(String buildingId, String evaluationId, String message) {
    }
}
