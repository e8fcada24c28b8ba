package io.firecheck.rules;

/**
 * What one load or reload attempt did. STARTUP: the set the service started with. ACTIVATED: the candidate
 * is live. UNCHANGED: the folder holds the active set already. ADOPTED: this instance took the set another
 * instance accepted. INVALID: it does not compile. GATE_FAILED: it compiles but fixtures fail. In the last two
 * cases the previous set keeps serving.
 */
public enum ReloadResult {
    STARTUP, ACTIVATED, UNCHANGED, ADOPTED, INVALID, GATE_FAILED;

    public boolean rejected() {
        return this == INVALID || this == GATE_FAILED;
    }
}
