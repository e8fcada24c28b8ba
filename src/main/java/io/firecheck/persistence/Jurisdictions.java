package io.firecheck.persistence;

import jakarta.persistence.Query;
import java.util.Map;

/**
 * An area covers itself and its sub-areas: `越秀区` covers `越秀区` and `越秀区·北京街道`, not `越秀区X`. One
 * definition for the report and order filters and for a caller's jurisdiction scope, in Java, SQL and JPQL:
 * the query condition compares the column with the parameter {@code :<param>} and LIKEs it with
 * {@code :<param>SubAreas}.
 */
public final class Jurisdictions {
    /** Between an area and its sub-area in a jurisdiction name (天河区·沙河街道). */
    public static final String SEPARATOR = "·";

    private Jurisdictions() {
    }

    public static boolean covers(String area, String jurisdiction) {
        return area.equals(jurisdiction) || jurisdiction != null && jurisdiction.startsWith(area + SEPARATOR);
    }

    /** The condition on column; bind it with {@link #parameters}. */
    public static String matches(String column, String param) {
        return "(" + column + " = :" + param + " OR " + column + " LIKE :" + param + "SubAreas ESCAPE '!')";
    }

    /** The two parameters of {@link #matches} for area. */
    public static Map<String, Object> parameters(String param, String area) {
        return Map.of(param, area, param + "SubAreas", subAreas(area));
    }

    public static <Q extends Query> Q bind(Q query, String param, String area) {
        parameters(param, area).forEach(query::setParameter);
        return query;
    }

    /** The LIKE pattern of every sub-area of area, its own %, _ and ! taken literally. */
    static String subAreas(String area) {
        return area.replace("!", "!!").replace("%", "!%").replace("_", "!_") + SEPARATOR + "%";
    }
}
