package io.firecheck.evaluation;

import io.firecheck.security.Caller;
import io.firecheck.security.ScopeSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<EvaluationEntity, UUID> {

    /**
     * Inserts unless the inspection id is already stored. The unique constraint decides, so concurrent
     * duplicates cannot both be inserted: the loser waits for the winner and inserts nothing.
     */
    public boolean insertIfAbsent(EvaluationEntity e) {
        int rows = getEntityManager().createNativeQuery("""
                INSERT INTO evaluation (id, inspection_id, building_id, jurisdiction, inspection_date, classification,
                                        rule_set_version, evaluated_at, document, result, submitted_by)
                VALUES (:id, :inspectionId, :buildingId, :jurisdiction, :inspectionDate, :classification,
                        :ruleSetVersion, :evaluatedAt, CAST(:document AS jsonb), CAST(:result AS jsonb), :submittedBy)
                ON CONFLICT (inspection_id) DO NOTHING
                """)
                .setParameter("id", e.id)
                .setParameter("inspectionId", e.inspectionId)
                .setParameter("buildingId", e.buildingId)
                .setParameter("jurisdiction", e.jurisdiction)
                .setParameter("inspectionDate", e.inspectionDate)
                .setParameter("classification", e.classification)
                .setParameter("ruleSetVersion", e.ruleSetVersion)
                .setParameter("evaluatedAt", e.evaluatedAt)
                .setParameter("document", e.document)
                .setParameter("result", e.result)
                .setParameter("submittedBy", e.submittedBy)
                .executeUpdate();
        return rows == 1;
    }

    /** The evaluation already stored under an inspection id, and whether its document equals this one. */
    public record Existing(UUID id, String buildingId, boolean sameDocument) {
    }

    /** Compared by the canonical hash of V4 (key order, spacing and nulls do not count). */
    public Existing existing(String inspectionId, String document) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT id, building_id, document_hash = canonical_document_hash(CAST(:document AS jsonb))
                FROM evaluation WHERE inspection_id = :inspectionId
                """)
                .setParameter("document", document).setParameter("inspectionId", inspectionId)
                .getSingleResult();
        return new Existing((UUID) row[0], (String) row[1], (Boolean) row[2]);
    }

    /** The result with the supervision order it opened or updated, in the transaction that stored it. */
    public void replaceResult(UUID id, String result) {
        getEntityManager().createNativeQuery("UPDATE evaluation SET result = CAST(:r AS jsonb) WHERE id = :id")
                .setParameter("r", result).setParameter("id", id).executeUpdate();
    }

    /** Only what the caller's jurisdiction covers: a building elsewhere has no evaluations for them. */
    public List<EvaluationEntity> pageOfBuilding(String buildingId, int page, int size, Caller caller) {
        return ScopeSql.bind(getEntityManager().createQuery("FROM EvaluationEntity e WHERE e.buildingId = :b"
                        + ScopeSql.and("e.jurisdiction", caller) + " ORDER BY e.inspectionDate DESC, e.evaluatedAt DESC, e.id",
                        EvaluationEntity.class), caller)
                .setParameter("b", buildingId).setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long countOfBuilding(String buildingId, Caller caller) {
        return ScopeSql.bind(getEntityManager().createQuery("SELECT count(e) FROM EvaluationEntity e WHERE e.buildingId = :b"
                + ScopeSql.and("e.jurisdiction", caller), Long.class), caller).setParameter("b", buildingId).getSingleResult();
    }

    /** The newest results in the caller's scope, for the console's overview. */
    public List<EvaluationEntity> recent(int size, Caller caller) {
        return ScopeSql.bind(getEntityManager().createQuery("FROM EvaluationEntity e WHERE 1 = 1"
                        + ScopeSql.and("e.jurisdiction", caller) + " ORDER BY e.evaluatedAt DESC, e.id", EvaluationEntity.class), caller)
                .setMaxResults(size).getResultList();
    }
}
