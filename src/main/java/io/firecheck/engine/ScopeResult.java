package io.firecheck.engine;

/** What the SCOPE-* rules decided about the building. highRiseClass is null when not high-rise. */
public record ScopeResult(String category, Integer highRiseClass, boolean superHighRise, boolean crowded) {
    public static final String NOT_HIGH_RISE = "NOT_HIGH_RISE";

    public boolean highRise() {
        return !NOT_HIGH_RISE.equals(category);
    }
}
