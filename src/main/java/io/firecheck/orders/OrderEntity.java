package io.firecheck.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "supervision_order")
public class OrderEntity {
    @Id
    public UUID id;
    @Column(nullable = false, length = 32)
    public String number;
    @Column(name = "building_id", nullable = false, length = 64)
    public String buildingId;
    @Column(name = "building_name", length = 200)
    public String buildingName;
    @Column(nullable = false, length = 200)
    public String jurisdiction;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public OrderStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String determination;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String hazards;
    @Column(name = "last_inspection_date", nullable = false)
    public LocalDate lastInspectionDate;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "responsible_unit", length = 200)
    public String responsibleUnit;
    @Column(name = "responsible_person", length = 200)
    public String responsiblePerson;
    @Column(name = "rectification_plan", columnDefinition = "text")
    public String rectificationPlan;
    @Column(columnDefinition = "text")
    public String measures;
    @Column(columnDefinition = "text")
    public String funding;
    @Column(name = "interim_safety_measures", columnDefinition = "text")
    public String interimSafetyMeasures;
    @Version
    public int version;

    boolean overdue(LocalDate today) {
        return status != OrderStatus.CLOSED && dueDate.isBefore(today);
    }
}
