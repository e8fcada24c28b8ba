package io.firecheck.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

public record Evacuation(
        Boolean routesOrExitsBlocked,
        @Valid DamageCount stairwellFireDoors,
        @Valid DamageCount emergencyLightingAndSigns,
        RefugeFloor refugeFloor,
        Boolean windowObstructions,
        @PositiveOrZero Integer exitsRequired,
        @PositiveOrZero Integer exitsProvided,
        @PositiveOrZero @DecimalMax("10000") BigDecimal exitWidthRequiredM,
        @PositiveOrZero @DecimalMax("10000") BigDecimal exitWidthProvidedM,
        Boolean floorIndicatorsMissing,
        Boolean stairAboveBelowGradeSeparated,
        Boolean flammableFinishes) {
}
