package io.firecheck.orders;

import static io.firecheck.persistence.SqlValues.instant;
import static io.firecheck.persistence.SqlValues.localDate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firecheck.audit.AuditAction;
import io.firecheck.audit.AuditLog;
import io.firecheck.engine.DeterminationResult;
import io.firecheck.persistence.JsonColumns;
import io.firecheck.persistence.Jurisdictions;
import io.firecheck.security.AccessDenied;
import io.firecheck.security.Caller;
import io.firecheck.security.Roles;
import io.firecheck.security.ScopeSql;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reading orders, moving them through their lifecycle, recording measures, escalating the overdue. */
@ApplicationScoped
public class OrderService {
    private static final TypeReference<List<OrderViews.Hazard>> HAZARDS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AuditLog audit;
    private final Event<AccessDenied> denied;

    public OrderService(EntityManager em, ObjectMapper mapper, Clock clock, AuditLog audit, Event<AccessDenied> denied) {
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
        this.audit = audit;
        this.denied = denied;
    }

    public record Filter(OrderStatus status, String jurisdiction, String buildingId, Boolean overdue) {
    }

    public OrderViews.Page list(Filter filter, int page, int size, Caller caller) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1" + ScopeSql.and("o.jurisdiction", caller));
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND o.status = :status");
            params.put("status", filter.status());
        }
        if (filter.jurisdiction() != null) {
            where.append(" AND ").append(Jurisdictions.matches("o.jurisdiction", "jurisdiction"));
            params.putAll(Jurisdictions.parameters("jurisdiction", filter.jurisdiction()));
        }
        if (filter.buildingId() != null) {
            where.append(" AND o.buildingId = :building");
            params.put("building", filter.buildingId());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " AND o.status <> :closed AND o.dueDate < :today"
                    : " AND (o.status = :closed OR o.dueDate >= :today)");
            params.put("closed", OrderStatus.CLOSED);
            params.put("today", today());
        }
        TypedQuery<OrderEntity> q = em.createQuery("FROM OrderEntity o" + where + " ORDER BY o.openedAt DESC, o.id", OrderEntity.class);
        TypedQuery<Long> count = em.createQuery("SELECT count(o) FROM OrderEntity o" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        ScopeSql.bind(q, caller);
        ScopeSql.bind(count, caller);
        List<OrderViews.Summary> items = q.setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(this::summary).toList();
        return new OrderViews.Page(items, page, size, count.getSingleResult());
    }

    /** Out of the caller's jurisdiction is as not found: the order's existence is not disclosed. */
    public Optional<OrderViews.Detail> find(UUID id, Caller caller) {
        return Optional.ofNullable(em.find(OrderEntity.class, id)).filter(o -> caller.covers(o.jurisdiction)).map(this::detail);
    }

    /** The statuses this caller may move an order of this status to: what the console offers as buttons. */
    public static List<OrderStatus> transitionsFor(OrderStatus from, Caller caller) {
        if (!caller.has(Roles.OFFICER) && !caller.has(Roles.SUPERVISOR)) {
            return List.of();
        }
        return java.util.Arrays.stream(OrderStatus.values())
                .filter(to -> from.personMayMoveTo(to) && (to != OrderStatus.CLOSED || caller.has(Roles.SUPERVISOR))).toList();
    }

    /** Who may record the owner's measures: the roles of OrderResource's PUT measures, on an order not closed. */
    public static boolean mayRecordMeasures(OrderStatus status, Caller caller) {
        return status != OrderStatus.CLOSED && (caller.has(Roles.OFFICER) || caller.has(Roles.SUPERVISOR));
    }

    /** A person's transition; the lifecycle allows only one step forward, and only a supervisor closes (销案). */
    @Transactional
    public OrderViews.Detail transition(UUID id, TransitionRequest request, Caller caller) {
        OrderEntity order = require(id, caller);
        if (request.to() == OrderStatus.CLOSED && !caller.has(Roles.SUPERVISOR)) {
            throw new ForbiddenException("closing a supervision order (销案) needs the " + Roles.SUPERVISOR + " role");
        }
        if (!order.status.personMayMoveTo(request.to())) {
            throw new ForbiddenTransitionException(order.status, request.to(), allowedFrom(order.status));
        }
        if (request.to() == OrderStatus.RECTIFYING && !measures(order).missing().isEmpty()) {
            throw new ForbiddenTransitionException(order.status, request.to(),
                    "the owner's written measures are incomplete: " + measures(order).missing());
        }
        Instant now = clock.instant();
        em.persist(OrderEventEntity.of(order.id, OrderEventEntity.Kind.TRANSITION, order.status, request.to(), caller.name(),
                request.note(), now));
        audit.record(caller, AuditAction.ORDER_TRANSITION, "supervision order " + order.number, order.status + " → " + request.to());
        order.status = request.to();
        if (request.to() == OrderStatus.CLOSED) {
            order.closedAt = now;
        }
        em.flush();
        return detail(order);
    }

    @Transactional
    public OrderViews.Detail recordMeasures(UUID id, OrderViews.Measures m, Caller caller) {
        OrderEntity order = require(id, caller);
        if (order.status == OrderStatus.CLOSED) {
            throw new ForbiddenTransitionException(order.status, order.status, "a closed order cannot be changed");
        }
        order.responsibleUnit = m.responsibleUnit();
        order.responsiblePerson = m.responsiblePerson();
        order.rectificationPlan = m.rectificationPlan();
        order.measures = m.measures();
        order.funding = m.funding();
        order.interimSafetyMeasures = m.interimSafetyMeasures();
        em.persist(OrderEventEntity.of(order.id, OrderEventEntity.Kind.MEASURES_RECORDED, null, null, caller.name(), null, clock.instant()));
        audit.record(caller, AuditAction.MEASURES_RECORDED, "supervision order " + order.number, "RECORDED");
        em.flush();
        return detail(order);
    }

    /** Key of the transaction-level advisory lock that lets one instance of the cluster escalate at a time. */
    static final long ESCALATION_LOCK = 0x66697265_65736331L;

    /**
     * Marks every overdue order escalated, once. Across the cluster only the instance that gets the advisory
     * lock runs the pass; the others skip it (the lock is released with the transaction). The UPDATE only
     * takes rows not yet escalated, so a pass that follows or a restart cannot escalate an order twice.
     */
    @Transactional
    public List<UUID> escalateOverdue() {
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                .setParameter("key", ESCALATION_LOCK).getSingleResult();
        if (!mine) {
            return List.of();
        }
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("""
                UPDATE supervision_order SET escalated_at = :now, version = version + 1
                WHERE status <> 'CLOSED' AND due_date < :today AND escalated_at IS NULL
                RETURNING id
                """).setParameter("now", now).setParameter("today", today()).getResultList();
        List<UUID> escalated = ids.stream().map(o -> (UUID) o).toList();
        for (UUID id : escalated) {
            em.persist(OrderEventEntity.bySystem(id, OrderEventEntity.Kind.ESCALATED, null, null, SystemNotes.escalated(), now));
        }
        return escalated;
    }

    private OrderEntity require(UUID id, Caller caller) {
        OrderEntity order = em.find(OrderEntity.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new OrderNotFoundException(id);
        }
        if (!caller.covers(order.jurisdiction)) {
            // a 404 to the caller, so that the order is not disclosed; a refused write to the audit log
            denied.fire(new AccessDenied(caller, "supervision order " + order.number, "404 outside the caller's jurisdiction"));
            throw new OrderNotFoundException(id);
        }
        return order;
    }

    private static String allowedFrom(OrderStatus from) {
        List<String> next = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            if (from.personMayMoveTo(s)) {
                next.add(s.name());
            }
        }
        return next.isEmpty() ? "a " + from + " order cannot move any further"
                : "from " + from + " an order may only move to " + String.join(", ", next);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private OrderViews.Summary summary(OrderEntity o) {
        return new OrderViews.Summary(o.id.toString(), o.number, o.buildingId, o.buildingName, o.jurisdiction, o.status,
                o.dueDate, o.overdue(today()), o.escalatedAt, o.openedAt, o.closedAt,
                hazards(o.hazards).stream().map(OrderViews.Hazard::ruleId).toList());
    }

    private OrderViews.Detail detail(OrderEntity o) {
        OrderViews.Measures m = measures(o);
        return new OrderViews.Detail(o.id.toString(), o.number, o.buildingId, o.buildingName, o.jurisdiction, o.status,
                o.openedAt, o.dueDate, o.overdue(today()), o.escalatedAt, o.closedAt,
                JsonColumns.read(mapper, o.determination, DeterminationResult.class),
                hazards(o.hazards), m, m.missing(), evaluations(o.id), hazardHistory(o.id), events(o.id));
    }

    private static OrderViews.Measures measures(OrderEntity o) {
        return new OrderViews.Measures(o.responsibleUnit, o.responsiblePerson, o.rectificationPlan, o.measures,
                o.funding, o.interimSafetyMeasures);
    }

    @SuppressWarnings("unchecked")
    private List<OrderViews.LinkedEvaluation> evaluations(UUID orderId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.id, e.inspection_id, e.inspection_date, e.classification, l.role, l.linked_at
                FROM supervision_order_evaluation l JOIN evaluation e ON e.id = l.evaluation_id
                WHERE l.order_id = :o ORDER BY l.linked_at, e.inspection_date
                """).setParameter("o", orderId).getResultList();
        return rows.stream().map(r -> new OrderViews.LinkedEvaluation(r[0].toString(), (String) r[1], localDate(r[2]),
                (String) r[3], (String) r[4], instant(r[5]))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<OrderViews.HazardListVersion> hazardHistory(UUID orderId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT evaluation_id, recorded_at, CAST(hazards AS text) FROM supervision_order_hazard_history
                WHERE order_id = :o ORDER BY id
                """).setParameter("o", orderId).getResultList();
        return rows.stream().map(r -> new OrderViews.HazardListVersion(r[0].toString(), instant(r[1]), hazards((String) r[2])))
                .toList();
    }

    private List<OrderViews.Event> events(UUID orderId) {
        return em.createQuery("FROM OrderEventEntity e WHERE e.orderId = :o ORDER BY e.id", OrderEventEntity.class)
                .setParameter("o", orderId).getResultStream()
                .map(e -> new OrderViews.Event(e.kind.name(), e.fromStatus, e.toStatus, e.actor, e.note, e.noteEn, e.at)).toList();
    }

    List<OrderViews.Hazard> hazards(String json) {
        try {
            return mapper.readValue(json, HAZARDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
