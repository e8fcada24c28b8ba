package io.firecheck.security;

import io.firecheck.persistence.Jurisdictions;
import jakarta.persistence.Query;

/**
 * The jurisdiction scope as a query condition, the same in SQL and HQL: the column equals the caller's
 * jurisdiction or starts with it followed by "·". Empty for a city-wide caller.
 */
public final class ScopeSql {
    private ScopeSql() {
    }

    /** " AND (…)" to append to a WHERE clause, or "" when the caller is city-wide. */
    public static String and(String column, Caller caller) {
        return caller.cityWide() ? "" : " AND " + Jurisdictions.matches(column, "scope");
    }

    public static <Q extends Query> Q bind(Q query, Caller caller) {
        return caller.cityWide() ? query : Jurisdictions.bind(query, "scope", caller.jurisdiction());
    }
}
