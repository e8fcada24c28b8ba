package io.firecheck.engine.facts;

/** Inserted by SCOPE-CROWDED when the building holds a crowded place (人员密集场所). */
public record Crowded() {
}
