package io.firecheck.orders;

import io.firecheck.engine.DeterminationResult;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the order endpoints return and accept. */
public final class OrderViews {
    private OrderViews() {
    }

    @Schema(name = "OrderHazard")
    public record Hazard(String ruleId, String level, String titleZh, String evidence) {
    }

    /** The five things the owner must put in writing (整改计划、方案、责任、措施、资金，临时性防范措施). */
    @Schema(name = "OrderMeasures")
    public record Measures(@Size(max = 200) String responsibleUnit, @Size(max = 200) String responsiblePerson,
                           @Size(max = 20_000) String rectificationPlan, @Size(max = 20_000) String measures,
                           @Size(max = 20_000) String funding, @Size(max = 20_000) String interimSafetyMeasures) {

        List<String> missing() {
            List<String> out = new java.util.ArrayList<>();
            if (blank(responsiblePerson)) {
                out.add("responsiblePerson");
            }
            if (blank(rectificationPlan)) {
                out.add("rectificationPlan");
            }
            if (blank(measures)) {
                out.add("measures");
            }
            if (blank(funding)) {
                out.add("funding");
            }
            if (blank(interimSafetyMeasures)) {
                out.add("interimSafetyMeasures");
            }
            return out;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    @Schema(name = "OrderSummary")
    public record Summary(String id, String number, String buildingId, String buildingName, String jurisdiction,
                          OrderStatus status, LocalDate dueDate, boolean overdue, Instant escalatedAt, Instant openedAt,
                          Instant closedAt, List<String> hazardRuleIds) {
    }

    public record LinkedEvaluation(String evaluationId, String inspectionId, LocalDate inspectionDate,
                                   String classification, String role, Instant linkedAt) {
    }

    @Schema(name = "OrderHazardListVersion")
    public record HazardListVersion(String evaluationId, Instant recordedAt, List<Hazard> hazards) {
    }

    /** note is Chinese when the system wrote it, with noteEn beside it; a person's note is as written. */
    @Schema(name = "OrderEvent")
    public record Event(String kind, OrderStatus from, OrderStatus to, String by, String note, String noteEn, Instant at) {
    }

    @Schema(name = "OrderDetail")
    public record Detail(String id, String number, String buildingId, String buildingName, String jurisdiction,
                         OrderStatus status, Instant openedAt, LocalDate dueDate, boolean overdue, Instant escalatedAt,
                         Instant closedAt, DeterminationResult determination, List<Hazard> hazards, Measures requiredMeasures,
                         List<String> measuresMissing, List<LinkedEvaluation> evaluations,
                         List<HazardListVersion> hazardHistory, List<Event> history) {
    }

    @Schema(name = "OrderPage")
    public record Page(List<Summary> items, int page, int size, long total) {
    }
}
