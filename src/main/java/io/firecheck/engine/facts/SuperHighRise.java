package io.firecheck.engine.facts;

/** Inserted by SCOPE-SUPER for a super high-rise building (超高层). */
public record SuperHighRise() {
}
