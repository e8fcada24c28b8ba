package io.firecheck.engine.facts;

import io.firecheck.engine.RequirementSource;

/**
 * The settled requirement for one fire system (design record, else the table, else unknown): the
 * SYS-*-MISSING rules read it, and the result lists it under scope.requiredSystems. reason says where it
 * came from, for the evidence.
 */
public record Requirement(String system, Boolean required, RequirementSource source, String reason) {
}
