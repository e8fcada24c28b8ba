package io.firecheck.engine.facts;

/** Inserted by SCOPE-CLASS for a class 1 high-rise (一类高层). */
public record HighRiseClassOne() {
}
