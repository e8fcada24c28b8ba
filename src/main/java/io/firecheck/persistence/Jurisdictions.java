package io.firecheck.persistence;

/**
 * A jurisdiction filter covers the area and its sub-areas: `越秀区` matches `越秀区` and
 * `越秀区·北京街道`, not `越秀区X`. Used in SQL and JPQL alike: the condition compares the column with
 * the parameter :jurisdiction and LIKEs it with :jurisdictionSubAreas.
 */
public final class Jurisdictions {
    /** Between an area and its sub-area in a jurisdiction name (天河区·沙河街道). */
    public static final String SEPARATOR = "·";

    private Jurisdictions() {
    }

    /** The condition on column; bind {@link #subAreas} to :jurisdictionSubAreas beside :jurisdiction. */
    public static String matches(String column) {
        return "(" + column + " = :jurisdiction OR " + column + " LIKE :jurisdictionSubAreas ESCAPE '!')";
    }

    /** The LIKE pattern of every sub-area of jurisdiction, its own %, _ and ! taken literally. */
    public static String subAreas(String jurisdiction) {
        return jurisdiction.replace("!", "!!").replace("%", "!%").replace("_", "!_") + SEPARATOR + "%";
    }
}
