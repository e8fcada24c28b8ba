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

/** The evaluation result as results-and-orders.md shows it. */
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
