package io.firecheck.inspection;

/** Identifiers travel in URLs and reports, so they are restricted to a safe alphabet. */
public final class Ids {
    public static final String PATTERN = "[A-Za-z0-9._-]{1,64}";
    public static final String MESSAGE = "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-'";

    private Ids() {
    }
}
