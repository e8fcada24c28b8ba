package io.firecheck.orders;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person moves an order on: to which status, and why. Who they are is their token's name, never the body's. */
public record TransitionRequest(@NotNull OrderStatus to, @Size(max = 2000) String note) {
}
