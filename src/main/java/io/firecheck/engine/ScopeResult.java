package io.firecheck.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * What the SCOPE-* rules decided about the building. highRiseClass is null when not high-rise;
 * requiredSystems lists each fire system the codes may require (catalogue "Required fire systems").
 */
public record ScopeResult(String category, Integer highRiseClass, boolean superHighRise, boolean crowded,
                          // v2: absent from results stored under catalogue v1, which are returned as they were stored
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<RequiredSystem> requiredSystems) {
    public static final String NOT_HIGH_RISE = "NOT_HIGH_RISE";

    public boolean highRise() {
        return !NOT_HIGH_RISE.equals(category);
    }

    public Optional<RequiredSystem> requirement(String system) {
        if (requiredSystems != null) {
            for (RequiredSystem r : requiredSystems) { // a loop: the not-assessed check asks for every rule that needs a system
                if (r.system().equals(system)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }
}
