package io.firecheck.reports;

import static io.firecheck.persistence.SqlValues.instant;
import static io.firecheck.persistence.SqlValues.localDate;

import io.firecheck.config.FirecheckConfig;
import io.firecheck.engine.Classification;
import io.firecheck.engine.Level;
import io.firecheck.orders.OrderStatus;
import io.firecheck.persistence.Jurisdictions;
import io.firecheck.security.Caller;
import io.firecheck.security.ScopeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The two lists and the progress report, computed in the database from stored evaluations and orders. */
@ApplicationScoped
public class ReportService {
    /** The latest evaluation of each building: the state its hazards are in now. */
    private static final String LATEST = """
            latest AS (
                SELECT DISTINCT ON (building_id) id, building_id, jurisdiction, inspection_id, inspection_date, classification,
                       document, result
                FROM evaluation ORDER BY building_id, inspection_date DESC, evaluated_at DESC, id)
            """;
    private final EntityManager em;
    private final Clock clock;
    private final List<Integer> milestones;

    public ReportService(EntityManager em, Clock clock, FirecheckConfig config) {
        this.em = em;
        this.clock = clock;
        this.milestones = config.reports().milestones().stream().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    @SuppressWarnings("unchecked")
    public List<ReportRows.Hazard> hazards(String jurisdiction, Caller caller) {
        List<Object[]> rows = query("WITH " + LATEST + """
                SELECT l.jurisdiction, l.building_id, l.document -> 'building' ->> 'name', l.inspection_id, l.inspection_date,
                       l.classification, f ->> 'ruleId', f ->> 'level', f ->> 'titleZh', f ->> 'evidence',
                       f ->> 'rectification', o.number
                FROM latest l
                CROSS JOIN LATERAL jsonb_array_elements(l.result -> 'findings') WITH ORDINALITY AS x(f, n)
                LEFT JOIN supervision_order o ON o.building_id = l.building_id AND o.status <> 'CLOSED'
                WHERE (f ->> 'correctedOnSite') IS DISTINCT FROM 'true'""" + in(jurisdiction, "l.jurisdiction") + ScopeSql.and("l.jurisdiction", caller) + """
                ORDER BY l.jurisdiction, l.building_id, x.n
                """, jurisdiction, caller).getResultList();
        return rows.stream().map(r -> ReportRows.Hazard.of((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                localDate(r[4]), Classification.valueOf((String) r[5]), (String) r[6], Level.valueOf((String) r[7]),
                (String) r[8], (String) r[9], (String) r[10], (String) r[11]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    public List<ReportRows.Responsibility> responsibilities(String jurisdiction, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        List<Object[]> rows = query("""
                SELECT o.number, o.jurisdiction, o.building_id, o.building_name,
                       (SELECT string_agg(h ->> 'ruleId', ',' ORDER BY n) FROM jsonb_array_elements(o.hazards) WITH ORDINALITY AS x(h, n)),
                       o.responsible_unit, o.responsible_person, o.rectification_plan, o.measures, o.funding,
                       o.interim_safety_measures, o.due_date, o.status, o.escalated_at
                FROM supervision_order o
                WHERE o.status <> 'CLOSED'""" + in(jurisdiction, "o.jurisdiction") + ScopeSql.and("o.jurisdiction", caller) + """
                ORDER BY o.jurisdiction, o.due_date, o.number
                """, jurisdiction, caller).getResultList();
        return rows.stream().map(r -> {
            LocalDate due = localDate(r[11]);
            OrderStatus status = OrderStatus.valueOf((String) r[12]);
            List<String> hazards = r[4] == null ? List.of() : Arrays.asList(((String) r[4]).split(","));
            return new ReportRows.Responsibility((String) r[0], (String) r[1], (String) r[2], (String) r[3], hazards,
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], due,
                    status, status.zh(), due.isBefore(today), r[13] == null ? null : instant(r[13]));
        }).toList();
    }

    /**
     * Per jurisdiction: a hazard is recorded once per building and rule id; it counts as rectified when the
     * building's latest inspection no longer finds it open (or it was corrected on site).
     */
    @SuppressWarnings("unchecked")
    public List<ReportRows.Progress> progress(String jurisdiction, Caller caller) {
        List<Object[]> rows = query("WITH " + LATEST + """
                , recorded AS (
                    SELECT DISTINCT e.building_id, f ->> 'ruleId' AS rule_id
                    FROM evaluation e CROSS JOIN LATERAL jsonb_array_elements(e.result -> 'findings') f)
                , still_open AS (
                    SELECT l.building_id, f ->> 'ruleId' AS rule_id
                    FROM latest l CROSS JOIN LATERAL jsonb_array_elements(l.result -> 'findings') f
                    WHERE (f ->> 'correctedOnSite') IS DISTINCT FROM 'true')
                , hazards AS (
                    SELECT l.jurisdiction, count(r.rule_id) AS recorded,
                           count(r.rule_id) FILTER (WHERE s.rule_id IS NULL) AS rectified,
                           count(DISTINCT l.building_id) AS buildings
                    FROM latest l
                    LEFT JOIN recorded r ON r.building_id = l.building_id
                    LEFT JOIN still_open s ON s.building_id = r.building_id AND s.rule_id = r.rule_id
                    GROUP BY l.jurisdiction)
                , orders AS (
                    SELECT jurisdiction,
                           count(*) FILTER (WHERE status <> 'CLOSED') AS open,
                           count(*) FILTER (WHERE status <> 'CLOSED' AND due_date < :today) AS overdue,
                           count(*) FILTER (WHERE status <> 'CLOSED' AND escalated_at IS NOT NULL) AS escalated,
                           count(*) FILTER (WHERE status = 'CLOSED') AS closed
                    FROM supervision_order GROUP BY jurisdiction)
                SELECT coalesce(h.jurisdiction, o.jurisdiction), coalesce(h.buildings, 0), coalesce(h.recorded, 0),
                       coalesce(h.rectified, 0), coalesce(o.open, 0), coalesce(o.overdue, 0), coalesce(o.escalated, 0),
                       coalesce(o.closed, 0)
                FROM hazards h FULL JOIN orders o ON o.jurisdiction = h.jurisdiction
                WHERE TRUE""" + in(jurisdiction, "coalesce(h.jurisdiction, o.jurisdiction)")
                + ScopeSql.and("coalesce(h.jurisdiction, o.jurisdiction)", caller)
                // a space of its own: with no filter at all the text before ends in TRUE
                + " ORDER BY 1", jurisdiction, caller).setParameter("today", LocalDate.now(clock)).getResultList();
        return rows.stream().map(r -> {
            long recorded = ((Number) r[2]).longValue();
            long rectified = ((Number) r[3]).longValue();
            double rate = recorded == 0 ? 100.0 : BigDecimal.valueOf(rectified * 100)
                    .divide(BigDecimal.valueOf(recorded), 1, RoundingMode.DOWN).doubleValue();
            Integer milestone = milestones.stream().filter(m -> rectified * 100 >= (long) m * recorded && recorded > 0)
                    .findFirst().orElse(null);
            return new ReportRows.Progress((String) r[0], ((Number) r[1]).longValue(), recorded, rectified, rate, milestone,
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                    ((Number) r[7]).longValue());
        }).toList();
    }

    /** " AND <column covers jurisdiction>", or nothing when no jurisdiction is asked for. */
    private static String in(String jurisdiction, String column) {
        return jurisdiction == null ? "" : " AND " + Jurisdictions.matches(column, "jurisdiction");
    }

    private Query query(String sql, String jurisdiction, Caller caller) {
        Query q = ScopeSql.bind(em.createNativeQuery(sql), caller);
        if (jurisdiction != null) {
            Jurisdictions.bind(q, "jurisdiction", jurisdiction);
        }
        return q;
    }
}
