package io.firecheck.web;

import io.firecheck.inspection.InvalidDocumentException;
import io.firecheck.inspection.Violation;
import java.util.List;

/** Strict parsing of query parameters, so a typo is a 400 that names the parameter. */
public final class QueryParams {
    private QueryParams() {
    }

    public static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(name, "must be true or false");
        };
    }

    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max);
    }

    /** An id in a path; anything that is not a UUID cannot name a stored thing. */
    public static java.util.Optional<java.util.UUID> uuid(String id) {
        try {
            return java.util.Optional.of(java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** One of an enum's constants by name; null when absent or blank. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A jurisdiction as a query or console form sends it: blank is every area the caller may see (null), else the name stripped. */
    public static String area(String jurisdiction) {
        return jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static InvalidDocumentException invalid(String name, String message) {
        return new InvalidDocumentException(List.of(new Violation(name, message)));
    }
}
