package io.firecheck.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A status change or an escalation of an order: who, when, and the note they left. */
@Entity
@Table(name = "supervision_order_event")
public class OrderEventEntity {
    public enum Kind { OPENED, TRANSITION, HAZARDS_UPDATED, ESCALATED, MEASURES_RECORDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 24)
    public OrderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 24)
    public OrderStatus toStatus;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public Kind kind;
    @Column(nullable = false, length = 200)
    public String actor;
    @Column(columnDefinition = "text")
    public String note;
    /** English beside a note the system wrote; null for a person's note. */
    @Column(name = "note_en", columnDefinition = "text")
    public String noteEn;
    @Column(nullable = false)
    public Instant at;

    static OrderEventEntity of(UUID orderId, Kind kind, OrderStatus from, OrderStatus to, String actor, String note, Instant at) {
        OrderEventEntity e = new OrderEventEntity();
        e.orderId = orderId;
        e.kind = kind;
        e.fromStatus = from;
        e.toStatus = to;
        e.actor = actor;
        e.note = note;
        e.at = at;
        return e;
    }

    /** An event the system records, with its note in Chinese and English. */
    static OrderEventEntity bySystem(UUID orderId, Kind kind, OrderStatus from, OrderStatus to, SystemNotes note, Instant at) {
        OrderEventEntity e = of(orderId, kind, from, to, SupervisionOrders.SYSTEM, note.zh(), at);
        e.noteEn = note.en();
        return e;
    }
}
