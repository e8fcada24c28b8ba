package io.firecheck.engine.facts;

/** Inserted by SCOPE-HIGHRISE: category is HIGH_RISE_RESIDENTIAL or HIGH_RISE_NON_RESIDENTIAL. */
public record HighRise(String category) {
}
