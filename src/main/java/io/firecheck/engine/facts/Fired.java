package io.firecheck.engine.facts;

/** Inserted when an inspection rule reports a finding, so a rule can depend on another not firing. */
public record Fired(String ruleId) {
}
