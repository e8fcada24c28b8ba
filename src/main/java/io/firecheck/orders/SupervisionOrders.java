package io.firecheck.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.config.FirecheckConfig;
import io.firecheck.engine.Classification;
import io.firecheck.engine.EvaluationResult;
import io.firecheck.evaluation.EvaluationListener;
import io.firecheck.evaluation.EvaluationResponse.OrderRef;
import io.firecheck.inspection.InspectionDocument;
import io.firecheck.persistence.JsonColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens and follows supervision orders as evaluations are stored, inside the same transaction. The
 * partial unique index on building_id decides which of two concurrent evaluations opens the order; the
 * other then finds it and updates it.
 */
@ApplicationScoped
public class SupervisionOrders implements EvaluationListener {
    static final String SYSTEM = "system";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final FirecheckConfig config;
    private final Clock clock;

    public SupervisionOrders(EntityManager em, ObjectMapper mapper, FirecheckConfig config, Clock clock) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Optional<OrderRef> onEvaluated(UUID evaluationId, InspectionDocument doc, EvaluationResult result) {
        boolean major = acts(result);
        Optional<OrderEntity> open = lockOpenOrder(doc.building().id());
        if (open.isEmpty()) {
            if (!major) {
                return Optional.empty();
            }
            Optional<OrderEntity> opened = tryOpen(evaluationId, doc, result);
            if (opened.isPresent()) {
                return opened.map(SupervisionOrders::ref);
            }
            open = lockOpenOrder(doc.building().id());
        }
        OrderEntity order = open.orElseThrow();
        Instant now = clock.instant();
        if (doc.inspection().date().isBefore(order.lastInspectionDate)) {
            // a report of an older inspection arriving late must not undo what a newer one established
            link(order.id, evaluationId, "LATE_REPORT", now);
            return Optional.of(ref(order));
        }
        order.lastInspectionDate = doc.inspection().date();
        if (major) {
            order.hazards = json(hazards(result));
            order.determination = json(result.determination());
            link(order.id, evaluationId, "UPDATED", now);
            recordHazards(order.id, evaluationId, order.hazards, now);
            em.persist(OrderEventEntity.bySystem(order.id, OrderEventEntity.Kind.HAZARDS_UPDATED, null, null,
                    SystemNotes.stillMajor(doc.inspection().id(), doc.inspection().date()), now));
            if (order.status == OrderStatus.PENDING_ACCEPTANCE) {
                move(order, OrderStatus.RECTIFYING, SystemNotes.majorAgain(doc.inspection().id()), now);
            }
        } else {
            link(order.id, evaluationId, "RE_INSPECTION", now);
            if (order.status == OrderStatus.OPEN || order.status == OrderStatus.RECTIFYING) {
                move(order, OrderStatus.PENDING_ACCEPTANCE,
                        SystemNotes.awaitingAcceptance(doc.inspection().id(), result.classification()), now);
            }
        }
        return Optional.of(ref(order));
    }

    @Override
    public boolean acts(EvaluationResult result) {
        return result.classification() == Classification.MAJOR_HAZARD;
    }

    /** The buildings with an order not CLOSED: a later evaluation of one moves, updates or links to it. */
    @Override
    public Set<String> follows(Connection c, Collection<String> buildingIds) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT building_id FROM supervision_order WHERE status <> 'CLOSED' AND building_id = ANY (?)")) {
            st.setArray(1, c.createArrayOf("text", buildingIds.toArray()));
            Set<String> open = new HashSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getString(1));
                }
            }
            return open;
        }
    }

    private Optional<OrderEntity> lockOpenOrder(String buildingId) {
        return em.createQuery("FROM OrderEntity o WHERE o.buildingId = :b AND o.status <> :closed", OrderEntity.class)
                .setParameter("b", buildingId)
                .setParameter("closed", OrderStatus.CLOSED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    private Optional<OrderEntity> tryOpen(UUID evaluationId, InspectionDocument doc, EvaluationResult result) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        UUID id = UUID.randomUUID();
        long seq = ((Number) em.createNativeQuery("SELECT nextval('supervision_order_number_seq')").getSingleResult()).longValue();
        String hazards = json(hazards(result));
        int rows = em.createNativeQuery("""
                INSERT INTO supervision_order (id, number, building_id, building_name, jurisdiction, status, determination,
                                               hazards, last_inspection_date, opened_at, due_date, version)
                VALUES (:id, :number, :building, :name, :jurisdiction, 'OPEN', CAST(:determination AS jsonb),
                        CAST(:hazards AS jsonb), :inspectionDate, :openedAt, :due, 0)
                ON CONFLICT (building_id) WHERE status <> 'CLOSED' DO NOTHING
                """)
                .setParameter("id", id)
                .setParameter("number", "DB-%d-%06d".formatted(today.getYear(), seq))
                .setParameter("building", doc.building().id())
                .setParameter("name", doc.building().name())
                .setParameter("jurisdiction", doc.building().jurisdiction())
                .setParameter("determination", json(result.determination()))
                .setParameter("hazards", hazards)
                .setParameter("inspectionDate", doc.inspection().date())
                .setParameter("openedAt", now)
                .setParameter("due", today.plusDays(config.orders().rectificationDays()))
                .executeUpdate();
        if (rows == 0) {
            return Optional.empty();
        }
        link(id, evaluationId, "OPENED", now);
        recordHazards(id, evaluationId, hazards, now);
        em.persist(OrderEventEntity.bySystem(id, OrderEventEntity.Kind.OPENED, null, OrderStatus.OPEN,
                SystemNotes.opened(doc.inspection().id(), result.determination().method()), now));
        return Optional.of(em.find(OrderEntity.class, id));
    }

    private void move(OrderEntity order, OrderStatus to, SystemNotes note, Instant now) {
        em.persist(OrderEventEntity.bySystem(order.id, OrderEventEntity.Kind.TRANSITION, order.status, to, note, now));
        order.status = to;
    }

    private void link(UUID orderId, UUID evaluationId, String role, Instant now) {
        em.createNativeQuery("""
                INSERT INTO supervision_order_evaluation (order_id, evaluation_id, role, linked_at)
                VALUES (:o, :e, :role, :at) ON CONFLICT DO NOTHING
                """).setParameter("o", orderId).setParameter("e", evaluationId).setParameter("role", role)
                .setParameter("at", now).executeUpdate();
    }

    private void recordHazards(UUID orderId, UUID evaluationId, String hazards, Instant now) {
        em.createNativeQuery("""
                INSERT INTO supervision_order_hazard_history (order_id, evaluation_id, hazards, recorded_at)
                VALUES (:o, :e, CAST(:h AS jsonb), :at)
                """).setParameter("o", orderId).setParameter("e", evaluationId).setParameter("h", hazards)
                .setParameter("at", now).executeUpdate();
    }

    /** Hazards still present after the visit: corrected-on-site findings were fixed there and then. */
    static List<OrderViews.Hazard> hazards(EvaluationResult result) {
        return result.findings().stream().filter(f -> !f.correctedOnSite())
                .map(f -> new OrderViews.Hazard(f.ruleId(), f.level().name(), f.titleZh(), f.evidence())).toList();
    }

    private static OrderRef ref(OrderEntity o) {
        return new OrderRef(o.id.toString(), o.number, o.status.name(), o.dueDate);
    }

    private String json(Object value) {
        return JsonColumns.write(mapper, value);
    }
}
