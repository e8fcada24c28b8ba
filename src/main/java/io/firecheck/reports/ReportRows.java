package io.firecheck.reports;

import io.firecheck.engine.Classification;
import io.firecheck.engine.Level;
import io.firecheck.orders.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Rows of the two lists (两个清单) and of the progress report. */
public final class ReportRows {
    private ReportRows() {
    }

    /** 问题隐患清单: one open hazard of one building, as its latest inspection found it. */
    @Schema(name = "HazardListRow")
    public record Hazard(String jurisdiction, String buildingId, String buildingName, String inspectionId,
                         LocalDate inspectionDate, Classification classification, String classificationZh, String ruleId,
                         Level level, String levelZh, String titleZh, String evidence, String rectification,
                         String orderNumber) {
        static Hazard of(String jurisdiction, String buildingId, String buildingName, String inspectionId,
                         LocalDate inspectionDate, Classification classification, String ruleId, Level level,
                         String titleZh, String evidence, String rectification, String orderNumber) {
            return new Hazard(jurisdiction, buildingId, buildingName, inspectionId, inspectionDate, classification,
                    classification.zh(), ruleId, level, level.zh(), titleZh, evidence, rectification, orderNumber);
        }
    }

    /** 整改责任清单: one open supervision order and who must do what by when. */
    @Schema(name = "ResponsibilityListRow")
    public record Responsibility(String orderNumber, String jurisdiction, String buildingId, String buildingName,
                                 List<String> hazards, String responsibleUnit, String responsiblePerson,
                                 String rectificationPlan, String measures, String funding, String interimSafetyMeasures,
                                 LocalDate dueDate, OrderStatus status, String statusZh, boolean overdue,
                                 Instant escalatedAt) {
    }

    /** Rectification progress of one jurisdiction, as the plan tracks its 50 % / 80 % / 100 % milestones. */
    @Schema(name = "ProgressRow")
    public record Progress(String jurisdiction, long buildingsInspected, long hazardsRecorded, long hazardsRectified,
                           double rectificationRatePercent, Integer milestoneReached, long ordersOpen,
                           long ordersOverdue, long ordersEscalated, long ordersClosed) {
    }
}
