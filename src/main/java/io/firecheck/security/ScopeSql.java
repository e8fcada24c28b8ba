package io.firecheck.security;

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
        return caller.cityWide() ? ""
                : " AND (" + column + " = :scope OR " + column + " LIKE :scopeLike ESCAPE '!')";
    }

    public static <Q extends Query> Q bind(Q query, Caller caller) {
        if (!caller.cityWide()) {
            query.setParameter("scope", caller.jurisdiction());
            query.setParameter("scopeLike", escapeLike(caller.jurisdiction() + Caller.SEPARATOR) + "%");
        }
        return query;
    }

    /** A jurisdiction is text written by others: its % and _ must not act as wildcards. */
    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
