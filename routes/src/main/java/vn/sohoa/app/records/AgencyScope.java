package vn.sohoa.app.records;

import java.util.Objects;
import vn.sohoa.pipeline.Identifier;

/**
 * Which agencies' dossiers a query may see: all of them, one agency and those under it, or none. "All" is
 * only ever asked for by name ({@link #all()}), never the result of a missing or blank code, so that no
 * code an attacker can give (a space, an empty string) widens a scope.
 */
public final class AgencyScope {

    private enum Kind { ALL, SUBTREE, NONE }

    private static final AgencyScope ALL = new AgencyScope(Kind.ALL, null);
    private static final AgencyScope NONE = new AgencyScope(Kind.NONE, null);

    /**
     * The ids of the agency with the code given as '?' and of all agencies below it. UNION, not UNION ALL:
     * a parent cycle already in the database then ends the recursion instead of looping for ever.
     */
    public static final String SUBTREE = """
            with recursive subtree(id) as (
                select id from agency where code = ?
                union
                select a.id from agency a join subtree t on a.parent_id = t.id)
            select id from subtree""";

    private final Kind kind;
    private final String agencyCode;

    private AgencyScope(Kind kind, String agencyCode) {
        this.kind = kind;
        this.agencyCode = agencyCode;
    }

    public static AgencyScope all() {
        return ALL;
    }

    /** Nothing at all: the scope of a request without an account, or of an account without a valid agency. */
    public static AgencyScope none() {
        return NONE;
    }

    /** The agency and those under it; a code that breaks {@link Identifier#AGENCY_CODE} is refused. */
    public static AgencyScope under(String agencyCode) {
        return new AgencyScope(Kind.SUBTREE, Identifier.AGENCY_CODE.check(agencyCode));
    }

    public boolean isAll() {
        return kind == Kind.ALL;
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** The scope's own agency; null for all agencies and for none. */
    public String agencyCode() {
        return agencyCode;
    }

    /**
     * A condition on a dossier's agency id column, with one '?' for {@link #agencyCode()} when not all:
     * the agency and every agency below it, or nothing for the empty scope.
     */
    public String condition(String agencyIdColumn) {
        return switch (kind) {
            case ALL -> "true";
            case SUBTREE -> agencyIdColumn + " in (" + SUBTREE + ")";
            case NONE -> "(false and ?::text is null)";
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgencyScope scope && scope.kind == kind && Objects.equals(scope.agencyCode, agencyCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, agencyCode);
    }

    @Override
    public String toString() {
        return kind == Kind.SUBTREE ? "agencies under " + agencyCode : kind == Kind.ALL ? "all agencies" : "no agency";
    }
}
