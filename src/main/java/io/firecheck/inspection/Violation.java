package io.firecheck.inspection;

/** One reason an inspection document was rejected: the JSON path of the field and what is wrong. */
public record Violation(String field, String message) {
}
