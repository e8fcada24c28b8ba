package io.firecheck.orders;

import io.firecheck.engine.EvaluationResult;
import io.firecheck.evaluation.EvaluationListener;
import io.firecheck.evaluation.EvaluationResponse;
import io.firecheck.inspection.InspectionDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SupervisionOrders implements EvaluationListener {
    @Override
    public Optional<EvaluationResponse.OrderRef> onEvaluated(UUID evaluationId, InspectionDocument doc, EvaluationResult result) {
        return Optional.empty();
    }
}
