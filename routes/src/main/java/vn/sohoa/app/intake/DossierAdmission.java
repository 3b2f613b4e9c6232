package vn.sohoa.app.intake;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.pipeline.Identifier;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;

/**
 * Whether a capture may add to a dossier: its code must be an {@link Identifier#DOSSIER_CODE}, and the dossier
 * must belong to the source's agency or one below it (or to no agency, for a source configured for none).
 * {@link #check} refuses early, before any page is read; {@link #admit}, inside the transaction that records the document,
 * decides, holding the dossier row, so that no dossier created or moved meanwhile slips through.
 */
@Component
public class DossierAdmission {

    private final JdbcTemplate jdbc;

    public DossierAdmission(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses a code of bad syntax, an unknown agency or a dossier of another agency; a new code passes. */
    public void check(String dossierCode, CaptureAgency agency) throws RejectedScanException {
        checkCode(dossierCode);
        agencyId(agency);
        List<Long> dossier = jdbc.query("select id from dossier where code = ?", (rs, n) -> rs.getLong(1), dossierCode);
        if (!dossier.isEmpty()) {
            requireAllowed(dossier.get(0), dossierCode, agency);
        }
    }

    /**
     * The dossier's id, creating it in the source's agency when new, after locking its row and checking that the
     * source may add to it. Call inside the transaction that records the document.
     */
    public long admit(String dossierCode, CaptureAgency agency) throws RejectedScanException {
        checkCode(dossierCode);
        Long agencyId = agencyId(agency);
        jdbc.update("insert into dossier (code, agency_id) values (?, ?) on conflict (code) do nothing", dossierCode,
                agencyId);
        long id = jdbc.queryForObject("select id from dossier where code = ? for update", Long.class, dossierCode);
        requireAllowed(id, dossierCode, agency);
        return id;
    }

    /** INVALID_DOSSIER_CODE unless the code is an {@link Identifier#DOSSIER_CODE}; needs no database. */
    public static void checkCode(String dossierCode) throws RejectedScanException {
        try {
            Identifier.DOSSIER_CODE.check(dossierCode);
        } catch (Identifier.InvalidIdentifierException e) {
            throw new RejectedScanException(Reason.INVALID_DOSSIER_CODE, "mã hồ sơ không hợp lệ (invalid dossier code): "
                    + e.getMessage() + "; gửi lại tệp với đúng mã hồ sơ");
        }
    }

    /** The id of the source's agency (null for any or none); UNKNOWN_AGENCY when the registry has no such agency. */
    private Long agencyId(CaptureAgency agency) throws RejectedScanException {
        if (agency.kind() != CaptureAgency.Kind.WITHIN) {
            return null;
        }
        Optional<Long> id = jdbc.query("select id from agency where code = ?", (rs, n) -> rs.getLong(1),
                agency.agencyCode()).stream().findFirst();
        if (id.isEmpty()) {
            throw new RejectedScanException(Reason.UNKNOWN_AGENCY, "nguồn nhận hồ sơ được cấu hình cho cơ quan "
                    + agency.agencyCode() + " nhưng danh mục không có cơ quan này (the capture source's agency is not"
                    + " registered): thêm cơ quan vào danh mục hoặc sửa sohoa.*.agency");
        }
        return id.get();
    }

    private void requireAllowed(long dossierId, String dossierCode, CaptureAgency agency) throws RejectedScanException {
        boolean allowed = switch (agency.kind()) {
            case ANY -> true;
            case NONE -> jdbc.queryForObject("select agency_id is null from dossier where id = ?", Boolean.class,
                    dossierId);
            case WITHIN -> jdbc.queryForObject("select agency_id in (" + AgencyScope.SUBTREE + ") from dossier"
                    + " where id = ?", Boolean.class, agency.agencyCode(), dossierId) == Boolean.TRUE;
        };
        if (!allowed) {
            throw new RejectedScanException(Reason.DOSSIER_OF_ANOTHER_AGENCY, "hồ sơ " + dossierCode
                    + " không thuộc cơ quan mà nguồn này nhận hồ sơ cho (the dossier does not belong to "
                    + agency.describe() + ", which this capture source is configured for): gửi tệp qua nguồn của cơ"
                    + " quan quản lý hồ sơ");
        }
    }
}
