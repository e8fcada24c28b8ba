package io.firecheck.evaluation;

import io.firecheck.engine.Classification;
import io.firecheck.engine.DeterminationResult;
import io.firecheck.engine.EvaluationResult;
import io.firecheck.engine.Finding;
import io.firecheck.engine.NotAssessed;
import io.firecheck.engine.RuleSet;
import io.firecheck.engine.ScopeResult;
import io.firecheck.inspection.InspectionDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The evaluation result as results-and-orders.md shows it. */
@Schema(name = "EvaluationResult", description = "The evaluation result (docs/api/results-and-orders.md)")
public record EvaluationResponse(
        String id,
        String inspectionId,
        String buildingId,
        Instant evaluatedAt,
        RuleSetRef ruleSet,
        ScopeResult scope,
        Classification classification,
        DeterminationResult determination,
        List<Finding> findings,
        List<NotAssessed> notAssessed,
        OrderRef supervisionOrder) {

    public record RuleSetRef(String version, Instant loadedAt) {
    }

    @Schema(name = "SupervisionOrderRef", description = "The supervision order this evaluation opened or updated")
    public record OrderRef(String id, String number, String status, LocalDate dueDate) {
    }

    static EvaluationResponse of(String id, InspectionDocument doc, Instant at, RuleSet set, EvaluationResult r) {
        return new EvaluationResponse(id, doc.inspection().id(), doc.building().id(), at,
                new RuleSetRef(set.version(), set.loadedAt()), r.scope(), r.classification(), r.determination(),
                r.findings(), r.notAssessed(), null);
    }

    EvaluationResponse withOrder(OrderRef order) {
        return new EvaluationResponse(id, inspectionId, buildingId, evaluatedAt, ruleSet, scope, classification,
                determination, findings, notAssessed, order);
    }
}
