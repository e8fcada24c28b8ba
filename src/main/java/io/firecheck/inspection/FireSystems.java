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
        @PositiveOrZero Integer otherFacilitiesFaulty) {
}
