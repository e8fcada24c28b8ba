package io.firecheck.rules;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "rule_reload")
public class ReloadEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false)
    public Instant at;
    @Column(nullable = false, length = 200)
    public String actor;
    @Column(nullable = false, length = 20)
    public String outcome;
    @Column(length = 200)
    public String instance;
    @Column(length = 80)
    public String version;
    @Column(name = "previous_version", length = 80)
    public String previousVersion;
    @Column(name = "rule_count")
    public Integer ruleCount;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String files;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String errors;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "failing_fixtures", nullable = false, columnDefinition = "jsonb")
    public String failingFixtures;
}
