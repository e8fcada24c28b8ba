package io.firecheck.inspection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

public record ControlRoom(
        Boolean present,
        Boolean dutyAroundTheClock,
        @PositiveOrZero @Max(1000) Integer operatorsPerShift,
        @PositiveOrZero @Max(1000) Integer certifiedOperatorsPerShift,
        Boolean operatorsKnowProcedure,
        Boolean systemsInAutomaticMode,
        Boolean sprinklerValvesOpen,
        Boolean firePowerCabinetsAutomatic,
        Boolean emergencyPlanInPlace) {
}
