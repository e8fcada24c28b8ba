package io.firecheck.evaluation;

import io.firecheck.engine.EvaluationResult;
import io.firecheck.inspection.InspectionDocument;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Told of every newly stored evaluation, inside the transaction that stores it. The supervision orders
 * implement it; the reference they return is embedded in the stored result.
 *
 * <p>Evaluations it has nothing to do with are stored many to a transaction (group commit): those whose
 * result it does not {@link #acts act on} by itself and whose building it does not {@link #follows follow}.
 */
public interface EvaluationListener {
    Optional<EvaluationResponse.OrderRef> onEvaluated(UUID evaluationId, InspectionDocument doc, EvaluationResult result);

    /** Whether this result makes the listener act whatever the building's state (it opens an order). */
    boolean acts(EvaluationResult result);

    /**
     * Of these buildings, those whose new evaluations the listener must see (an open order), read on the
     * connection of the transaction that would store them.
     */
    Set<String> follows(Connection c, Collection<String> buildingIds) throws SQLException;
}
