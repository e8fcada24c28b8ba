package io.firecheck.security;

import io.firecheck.persistence.Jurisdictions;
import java.util.Set;

/**
 * Who makes a request, as the verified token says: the name recorded as actor, the roles, and the
 * jurisdiction the token is limited to (null: city-wide).
 */
public record Caller(String name, Set<String> roles, String jurisdiction) {
    /** Marks an identity of a console session (the form, or the OIDC code flow) rather than of a bearer token. */
    public static final String CONSOLE_USER_ATTRIBUTE = "firecheck.console-user";
    /** A console user's jurisdiction; absent for a city-wide user. */
    public static final String JURISDICTION_ATTRIBUTE = "firecheck.jurisdiction";

    /** Changes the service makes by itself, such as a reload by the folder watch. */
    public static Caller system(String name) {
        return new Caller(name, Set.of(), null);
    }

    public boolean cityWide() {
        return jurisdiction == null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether a building, evaluation, order or report row of this jurisdiction is within the caller's reach. */
    public boolean covers(String itemJurisdiction) {
        return cityWide() || Jurisdictions.covers(jurisdiction, itemJurisdiction);
    }
}
