package vn.sohoa.app.security;

/**
 * What an account may do. Every role but GIAM_SAT reads the dossiers of its agency and the agencies under
 * it; the role says which changes it may make.
 */
public enum Role {
    /** reception officer: creates dossiers, uploads scans */
    TIEP_NHAN,
    /** reviewer: corrects, confirms and reclassifies read fields */
    KIEM_TRA,
    /** archivist: bulk imports, uploads */
    LUU_TRU,
    /** agency administrator: accounts, tokens, agencies, procedures, and everything the others do */
    QUAN_TRI,
    /** a dossier system calling the API with a token: registers dossiers, uploads, reads */
    API,
    /** monitoring (giám sát), a Prometheus scraper: reads metrics, info and health details, nothing under /api */
    GIAM_SAT;

    /** Whether the role is a machine's, which calls with a token instead of a person's password. */
    public boolean isMachine() {
        return this == API || this == GIAM_SAT;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
