package io.firecheck.inspection;

import jakarta.validation.constraints.PositiveOrZero;

public record FireSystems(
        SystemStatus fireAlarm,
        SystemStatus sprinkler,
        SystemStatus indoorHydrants,
        SystemStatus smokeControl,
        SystemStatus fireElevator,
        SystemStatus linkageControl,
        SystemStatus firePowerChangeover,
        SystemStatus fireWaterSupply,
        @PositiveOrZero Integer otherFacilitiesFaulty,
        RequiredByDesign requiredByDesign) {

    /** From the approved fire design or acceptance record: whether each system is required (overrides the derived answer). */
    public record RequiredByDesign(
            Boolean fireAlarm,
            Boolean sprinkler,
            Boolean indoorHydrants,
            Boolean smokeControl,
            Boolean fireElevator) {
    }
}
