package io.firecheck.orders;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person moves an order on: to which status, who they are, and why. */
public record TransitionRequest(@NotNull OrderStatus to, @Size(max = 2000) String note, @Size(max = 200) String by) {
}
