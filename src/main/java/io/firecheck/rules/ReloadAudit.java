package io.firecheck.rules;

/**
 * The outcome the audit log records for a reload or an applied preview: what the reload did, or that its candidate
 * was not published because another set became the cluster's meanwhile. Apart from {@link ReloadResult}, which is
 * in the API contract (reload answers and history) and has no such value: a refused publish is no reload attempt.
 */
public enum ReloadAudit {
    ACTIVATED, UNCHANGED, INVALID, GATE_FAILED, CLUSTER_SET_CHANGED;

    /** A caller's reload ends in one of these; STARTUP and ADOPTED are the instance's own, with nobody to audit. */
    static ReloadAudit of(ReloadResult result) {
        return switch (result) {
            case ACTIVATED -> ACTIVATED;
            case UNCHANGED -> UNCHANGED;
            case INVALID -> INVALID;
            case GATE_FAILED -> GATE_FAILED;
            case STARTUP, ADOPTED -> throw new IllegalArgumentException(result + " is no caller's reload");
        };
    }
}
