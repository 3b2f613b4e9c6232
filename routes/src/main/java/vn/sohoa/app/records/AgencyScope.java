package vn.sohoa.app.records;

/**
 * Which agencies' dossiers a query may see: all of them, or one agency and those under it. Queries take a
 * scope so that issue 8's sign-in can narrow what an officer sees without changing them.
 */
public record AgencyScope(String agencyCode) {

    private static final AgencyScope ALL = new AgencyScope(null);

    public static AgencyScope all() {
        return ALL;
    }

    public static AgencyScope under(String agencyCode) {
        return agencyCode == null || agencyCode.isBlank() ? ALL : new AgencyScope(agencyCode);
    }

    public boolean isAll() {
        return agencyCode == null;
    }

    /**
     * A condition on a dossier's agency id column, with one '?' for {@link #agencyCode()} when not all:
     * the agency and every agency below it.
     */
    public String condition(String agencyIdColumn) {
        return isAll() ? "true" : agencyIdColumn + " in (" + SUBTREE + ")";
    }

    /** The ids of the agency with the code given as '?' and of all agencies below it. */
    public static final String SUBTREE = """
            with recursive subtree(id) as (
                select id from agency where code = ?
                union all
                select a.id from agency a join subtree t on a.parent_id = t.id)
            select id from subtree""";
}
