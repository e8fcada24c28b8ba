package io.firecheck.engine;

/** One line of {@code scope.requiredSystems}: required is null when the requirement is unknown. */
public record RequiredSystem(String system, Boolean required, RequirementSource source) {
}
