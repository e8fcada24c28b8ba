package io.firecheck.security;

import java.util.Set;

/**
 * Who makes a request, as the verified token says: the name recorded as actor, the roles, and the
 * jurisdiction the token is limited to (null: city-wide).
 */
public record Caller(String name, Set<String> roles, String jurisdiction) {
    /** Sub-districts are written after the district and a middle dot: 天河区·沙河街道. */
    public static final String SEPARATOR = "·";

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
        return cityWide() || jurisdiction.equals(itemJurisdiction)
                || itemJurisdiction != null && itemJurisdiction.startsWith(jurisdiction + SEPARATOR);
    }
}
