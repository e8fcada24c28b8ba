package io.firecheck.inspection;

import jakarta.validation.constraints.PositiveOrZero;

/** A count of inspected items and how many of them were damaged; damaged never exceeds total. */
public record DamageCount(@PositiveOrZero Integer total, @PositiveOrZero Integer damaged) {
}
