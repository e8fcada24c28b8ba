package io.firecheck.engine;

/** Where a fire system's requirement came from: the design record, the catalogue's table, or neither. */
public enum RequirementSource { DESIGN, DERIVED, UNKNOWN }
