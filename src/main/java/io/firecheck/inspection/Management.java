package io.firecheck.inspection;

import java.time.LocalDate;

public record Management(
        Boolean responsibilityAgreementSigned,
        Boolean fireSafetyManagerDesignated,
        Boolean selfInspectionCommitmentPublished,
        LocalDate lastFacilityTestDate,
        Boolean maintenanceContractCurrent,
        Boolean patrolsOnSchedule,
        LocalDate lastDrillDate,
        LocalDate lastTrainingDate) {
}
