package io.firecheck.inspection;

public record ElectricalAndGas(
        Boolean irregularWiring,
        Boolean gasUsed,
        Boolean gasLeakAlarm,
        Boolean gasEmergencyShutoff,
        Boolean maintenanceCurrent,
        Boolean hotWorkWithoutSupervision,
        Boolean hotWorkPermitSystem,
        Boolean hotWorkOperatorsCertified,
        Boolean hazmatViolation) {
}
