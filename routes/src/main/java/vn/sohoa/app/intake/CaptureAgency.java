package vn.sohoa.app.intake;

import java.util.Objects;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.pipeline.Identifier;

/**
 * Which dossiers a capture source may add to: those of one agency and the agencies below it (new ones are
 * created in that agency), only those of no agency (a source configured for none), or any (an administrator's
 * upload). Carried with the scan job and stored with each planned document, so whichever worker records it
 * applies the same rule.
 *
 * @param agencyCode the agency, only for {@link Kind#WITHIN}
 */
public record CaptureAgency(Kind kind, String agencyCode) {

    public enum Kind { ANY, NONE, WITHIN }

    private static final CaptureAgency ANY = new CaptureAgency(Kind.ANY, null);
    private static final CaptureAgency NONE = new CaptureAgency(Kind.NONE, null);

    public CaptureAgency {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.WITHIN) != (agencyCode != null)) {
            throw new IllegalArgumentException("an agency code goes with WITHIN and only with it");
        }
        if (agencyCode != null) {
            Identifier.AGENCY_CODE.check(agencyCode);
        }
    }

    public static CaptureAgency any() {
        return ANY;
    }

    public static CaptureAgency none() {
        return NONE;
    }

    public static CaptureAgency within(String agencyCode) {
        return new CaptureAgency(Kind.WITHIN, agencyCode);
    }

    /** A configured agency code: none when blank, otherwise that agency (its syntax checked). */
    public static CaptureAgency configured(String agencyCode) {
        return agencyCode == null || agencyCode.isBlank() ? NONE : within(agencyCode.strip());
    }

    /** What a signed-in user may add to: all agencies, or theirs and those below it. */
    public static CaptureAgency of(AgencyScope scope) {
        return scope.isAll() ? ANY : within(scope.agencyCode());
    }

    /** "agency X", "no agency" or "any agency", for messages. */
    public String describe() {
        return switch (kind) {
            case ANY -> "any agency";
            case NONE -> "no agency";
            case WITHIN -> "agency " + agencyCode;
        };
    }
}
