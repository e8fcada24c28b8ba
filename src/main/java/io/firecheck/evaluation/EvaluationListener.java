package io.firecheck.evaluation;

import io.firecheck.engine.EvaluationResult;
import io.firecheck.inspection.InspectionDocument;
import java.util.Optional;
import java.util.UUID;

/**
 * Told of every newly stored evaluation, inside the transaction that stores it. The supervision orders
 * implement it; the reference they return is embedded in the stored result.
 */
public interface EvaluationListener {
    Optional<EvaluationResponse.OrderRef> onEvaluated(UUID evaluationId, InspectionDocument doc, EvaluationResult result);
}
