package io.firecheck.engine.facts;

/** Inserted by a SCOPE-REQUIRED table row: the codes require this system, and why, in an officer's words. */
public record Derived(String system, String reason) {
}
