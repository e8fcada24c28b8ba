package io.firecheck.audit;

/** What an audit entry records. */
public enum AuditAction {
    EVALUATION_STORED,
    ORDER_TRANSITION,
    MEASURES_RECORDED,
    RULE_RELOAD,
    /** A write endpoint refused the caller: no or bad token (401), wrong role or jurisdiction (403), out of scope (404). */
    AUTHORIZATION_REJECTED
}
