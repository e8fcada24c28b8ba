package io.firecheck.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored evaluation: the input document and the result exactly as first returned. */
@Entity
@Table(name = "evaluation")
public class EvaluationEntity {
    @Id
    public UUID id;

    @Column(name = "inspection_id", nullable = false, length = 64)
    public String inspectionId;

    @Column(name = "building_id", nullable = false, length = 64)
    public String buildingId;

    @Column(nullable = false, length = 200)
    public String jurisdiction;

    @Column(name = "inspection_date", nullable = false)
    public LocalDate inspectionDate;

    @Column(nullable = false, length = 20)
    public String classification;

    @Column(name = "rule_set_version", nullable = false, length = 80)
    public String ruleSetVersion;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String document;

    /** The token name of whoever submitted it. */
    @Column(name = "submitted_by", length = 200)
    public String submittedBy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String result;
}
