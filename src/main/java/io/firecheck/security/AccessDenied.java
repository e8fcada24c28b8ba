package io.firecheck.security;

/** Fired when a write is refused, for the audit log: who tried, "METHOD path", and the status given. */
public record AccessDenied(Caller caller, String target, String outcome) {
}
