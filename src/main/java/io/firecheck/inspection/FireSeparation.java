package io.firecheck.inspection;

import jakarta.validation.Valid;

/** Fire doors (other than stairwell doors) and fire shutters, and whether compartments were altered (v2). */
public record FireSeparation(@Valid DamageCount doorsAndShutters, Boolean compartmentsAltered) {
}
