package io.firecheck.inspection;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

public record Shaft(
        ShaftKind kind,
        Boolean independent,
        @PositiveOrZero @DecimalMax("100") BigDecimal wallFireResistanceH,
        DoorClass inspectionDoorClass,
        @PositiveOrZero Integer floorsTotal,
        @PositiveOrZero Integer floorsSealed,
        Boolean cableTrayFireStopped,
        Boolean clutter,
        Boolean damaged) {
}
