package io.firecheck.security;

import java.util.List;

/** The five roles a token may carry, exactly as the city's identity provider must name them. */
public final class Roles {
    /** Submits evaluations and reads them. */
    public static final String CLIENT = "client";
    /** Reads evaluations, buildings, orders and reports; records measures; moves orders up to PENDING_ACCEPTANCE. */
    public static final String OFFICER = "officer";
    /** Everything an officer may do, and closes orders (销案). */
    public static final String SUPERVISOR = "supervisor";
    /** Reloads the rules and reads the reload history. */
    public static final String RULE_AUTHOR = "rule-author";
    /** Reads everything, the audit log included; changes nothing. */
    public static final String AUDITOR = "auditor";

    public static final List<String> ALL = List.of(CLIENT, OFFICER, SUPERVISOR, RULE_AUTHOR, AUDITOR);

    private Roles() {
    }
}
