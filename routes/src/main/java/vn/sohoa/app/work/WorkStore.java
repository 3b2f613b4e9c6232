package vn.sohoa.app.work;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import vn.sohoa.app.intake.CaptureAgency;
import vn.sohoa.app.intake.DossierAdmission;
import vn.sohoa.app.records.Delivery;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.pipeline.DigitizedDocument;
import vn.sohoa.pipeline.DurableFiles;
import vn.sohoa.pipeline.PageReading;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.Scan;

/**
 * The work between the stages, in PostgreSQL (work_document, work_page): what each planned document is, which
 * of its pages are read, their readings, and whether it is recorded or rejected. Every write is idempotent, so
 * that a job delivered twice, or retried after a lost commit, changes nothing the second time.
 */
@Repository
public class WorkStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RecordStore records;
    private final DossierAdmission admission;

    public WorkStore(JdbcTemplate jdbc, ObjectMapper json, RecordStore records, DossierAdmission admission) {
        this.jdbc = jdbc;
        this.json = json;
        this.records = records;
        this.admission = admission;
    }

    /** A planned document's state, and its pages not read yet (page number in the document, in the source). */
    public record Planned(WorkDocument.State state, List<PageJob> unread) {
    }

    /**
     * Plans the document, or finds it planned: a new one gets its pages; one a worker rejected is planned
     * afresh (a new receipt of the same bytes tries again); one in progress or recorded is left as it is.
     */
    @Transactional
    public Planned plan(PlannedDocument plan, UUID scanId) {
        UUID id = plan.id();
        int inserted = jdbc.update("""
                insert into work_document (id, dossier_code, original_name, original_sha256, original_size, original_path,
                    source_path, page_count, source, quarantine_path, last_scan_id, state, capture_agency,
                    capture_agency_code, role, component_code, delivered_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reading', ?, ?, ?, ?, ?)
                on conflict (id) do nothing""",
                id, plan.dossierCode(), plan.originalName(), plan.originalSha256(), plan.originalSize(),
                plan.originalPath(), plan.sourcePath(), plan.sourcePages().size(), plan.source(), plan.quarantinePath(),
                scanId, agencyKind(plan.agency()), plan.agency().agencyCode(), plan.delivery().role().code(),
                plan.delivery().componentCode(), plan.delivery().deliveredBy());
        WorkDocument.State state = WorkDocument.State.READING;
        if (inserted == 0) {
            state = WorkDocument.State.of(jdbc.queryForObject("select state from work_document where id = ? for update",
                    String.class, id));
            if (state == WorkDocument.State.REJECTED) {
                jdbc.update("delete from work_page where work_document_id = ?", id);
                state = WorkDocument.State.READING;
            }
            jdbc.update("""
                    update work_document set last_scan_id = ?, source = ?, quarantine_path = ?, state = ?,
                        capture_agency = ?, capture_agency_code = ?, role = ?, component_code = ?, delivered_by = ?,
                        reason = case when ? then null else reason end, message = case when ? then null else message end,
                        attempts = case when state = 'rejected' then 0 else attempts end, updated_at = now()
                    where id = ?""", scanId, plan.source(), plan.quarantinePath(), state.code(),
                    agencyKind(plan.agency()), plan.agency().agencyCode(), plan.delivery().role().code(),
                    plan.delivery().componentCode(), plan.delivery().deliveredBy(),
                    state == WorkDocument.State.READING, state == WorkDocument.State.READING, id);
        }
        if (state == WorkDocument.State.READING) {
            for (int i = 0; i < plan.sourcePages().size(); i++) {
                jdbc.update("""
                        insert into work_page (work_document_id, number, source_page) values (?, ?, ?)
                        on conflict do nothing""", id, i + 1, plan.sourcePages().get(i));
            }
        }
        List<PageJob> unread = jdbc.query("""
                select number, source_page from work_page where work_document_id = ? and read_at is null order by number""",
                (rs, n) -> new PageJob(id, rs.getInt(1), plan.sourcePath(), rs.getInt(2)), id);
        return new Planned(state, state == WorkDocument.State.READING ? unread : List.of());
    }

    /** What a page worker should do with a page job. */
    public enum PageStart { READ_IT, ALREADY_READ, NOT_NEEDED }

    /**
     * Notes that {@code worker} starts reading the page (counting the attempt) when it still needs reading:
     * its document is being read and it is not read yet.
     */
    public PageStart startPage(UUID id, int page, String worker) {
        int started = jdbc.update("""
                update work_page p set attempts = p.attempts + 1, started_by = ?, started_at = now()
                from work_document d
                where d.id = p.work_document_id and p.work_document_id = ? and p.number = ? and p.read_at is null
                    and d.state = 'reading'""", worker, id, page);
        if (started == 1) {
            return PageStart.READ_IT;
        }
        List<Boolean> read = jdbc.query("""
                select p.read_at is not null from work_page p join work_document d on d.id = p.work_document_id
                where p.work_document_id = ? and p.number = ? and d.state = 'reading'""",
                (rs, n) -> rs.getBoolean(1), id, page);
        return read.isEmpty() ? PageStart.NOT_NEEDED : PageStart.ALREADY_READ;
    }

    /** Counts a planning of the scan started; the plannings started and not finished so far, this one included. */
    public int scanAttempt(UUID scanId) {
        return jdbc.queryForObject("""
                insert into work_scan (scan_id, attempts) values (?, 1)
                on conflict (scan_id) do update set attempts = work_scan.attempts + 1, started_at = now()
                returning attempts""", Integer.class, scanId);
    }

    /** The scan's planning finished: its unfinished attempts no longer count. */
    public void scanPlanned(UUID scanId) {
        jdbc.update("delete from work_scan where scan_id = ?", scanId);
    }

    /** Readings started for the page so far (each one a worker that took it). */
    public int pageAttempts(UUID id, int page) {
        return jdbc.queryForObject("select attempts from work_page where work_document_id = ? and number = ?",
                Integer.class, id, page);
    }

    /**
     * Stores a page's reading (the first one offered is kept; {@code offer} identifies this one, so that storing
     * it again after a lost commit counts it once). True when this made the document's pages all read: the
     * caller then queues the document job. The document row is locked, so of two pages finished together
     * exactly one sees the document complete.
     */
    @Transactional
    public boolean storeReading(UUID id, int page, PageReading reading, UUID offer, String worker) {
        List<String> state = jdbc.queryForList("select state from work_document where id = ? for update", String.class, id);
        if (state.isEmpty() || !state.get(0).equals(WorkDocument.State.READING.code())) {
            return false;
        }
        jdbc.update("""
                update work_page set reading = case when read_at is null then ?::jsonb else reading end,
                    read_by = coalesce(read_by, ?), read_at = coalesce(read_at, now()),
                    ocr_runs = ocr_runs + case when last_offer is distinct from ? then 1 else 0 end, last_offer = ?
                where work_document_id = ? and number = ?""", write(reading), worker, offer, offer, id, page);
        return !jdbc.queryForObject("select exists (select 1 from work_page where work_document_id = ? and read_at is null)",
                Boolean.class, id);
    }

    /** Whether the document is being read and all its pages are (its document job is due). */
    public boolean allRead(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select d.state = 'reading' and not exists (select 1 from work_page p where p.work_document_id = d.id
                    and p.read_at is null)
                from work_document d where d.id = ?""", Boolean.class, id));
    }

    public Optional<WorkDocument> document(UUID id) {
        return jdbc.query("""
                select d.dossier_code, d.original_name, d.original_sha256, d.original_size, d.original_path, d.source_path,
                    d.source, d.quarantine_path, d.state, d.attempts, d.document_id,
                    array(select p.source_page from work_page p where p.work_document_id = d.id order by p.number),
                    d.capture_agency, d.capture_agency_code, d.role, d.component_code, d.delivered_by, d.source
                from work_document d where d.id = ?""", (rs, n) -> new WorkDocument(id,
                new PlannedDocument(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), Arrays.asList((Integer[]) rs.getArray(12).getArray()), rs.getString(7),
                        rs.getString(8), new CaptureAgency(CaptureAgency.Kind.valueOf(rs.getString(13)
                        .toUpperCase(Locale.ROOT)), rs.getString(14)), delivery(rs.getString(15), rs.getString(16),
                        rs.getString(17), rs.getString(18))),
                WorkDocument.State.of(rs.getString(9)), rs.getInt(10), rs.getObject(11, UUID.class)), id)
                .stream().findFirst();
    }

    /** Counts an attempt at assembling the document; the attempts so far, or 0 when it is not being read. */
    public int startDocument(UUID id) {
        List<Integer> attempts = jdbc.queryForList("""
                update work_document set attempts = attempts + 1, updated_at = now() where id = ? and state = 'reading'
                returning attempts""", Integer.class, id);
        return attempts.isEmpty() ? 0 : attempts.get(0);
    }

    /** The readings of the document's pages, in page order. */
    public List<PageReading> readings(UUID id) {
        return jdbc.query("select reading::text from work_page where work_document_id = ? order by number",
                (rs, n) -> read(rs.getString(1)), id);
    }

    /**
     * Records the document with its results message, unless it is recorded already: the PDF written to
     * {@code temporaryPdf} is moved to {@code pdf} under the lock of the document row, so that of two workers
     * that assembled the same document, only the one that records it puts its file there; the file and its
     * folder are forced to disk before the row is written, so that no record survives a power cut without it. The readings are
     * cleared (the page text is recorded). Returns the id of the document recorded now; empty when it was
     * recorded already (by another worker, or before). The dossier is admitted first, its row locked: a
     * {@link RejectedScanException} (DOSSIER_OF_ANOTHER_AGENCY, ...) when the capture source may not add to it,
     * and then nothing is written.
     */
    @Transactional(rollbackFor = RejectedScanException.class)
    public Optional<UUID> record(WorkDocument work, DigitizedDocument assembled, Path temporaryPdf, Path pdf,
                                 Path original) throws RejectedScanException {
        WorkDocument.State state = WorkDocument.State.of(jdbc.queryForObject(
                "select state from work_document where id = ? for update", String.class, work.id()));
        Optional<UUID> existing = state == WorkDocument.State.RECORDED
                ? Optional.ofNullable(jdbc.queryForObject("select document_id from work_document where id = ?", UUID.class,
                        work.id()))
                : records.findDocument(work.plan().dossierCode(), work.plan().originalSha256());
        if (existing.isEmpty()) {
            admission.admit(work.plan().dossierCode(), work.plan().agency());
        }
        UUID documentId;
        try {
            if (existing.isPresent()) {
                Files.deleteIfExists(temporaryPdf);
                documentId = existing.get();
            } else {
                // a try of this same call whose commit failed after the move has put the file there already
                if (Files.exists(temporaryPdf) || !Scan.sha256(pdf).equals(assembled.pdfSha256())) {
                    DurableFiles.moveIntoPlace(temporaryPdf, pdf);
                }
                documentId = records.record(work.plan().dossierCode(), new DigitizedDocument(assembled.scan(),
                        assembled.document(), assembled.pageNotes(), pdf, assembled.pdfSha256(), assembled.pdfSize()),
                        original.toAbsolutePath().toString(), work.plan().delivery());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the PDF of " + work.plan().originalName() + " at " + pdf, e);
        }
        jdbc.update("update work_document set state = 'recorded', document_id = ?, updated_at = now() where id = ?",
                documentId, work.id());
        jdbc.update("update work_page set reading = null where work_document_id = ?", work.id());
        return existing.isPresent() ? Optional.empty() : Optional.of(documentId);
    }

    /** Marks the document done when it was recorded another way (before cluster mode, or by an upload). */
    public void recordedAlready(UUID id, UUID documentId) {
        jdbc.update("update work_document set state = 'recorded', document_id = ?, updated_at = now() where id = ?",
                documentId, id);
    }

    /**
     * Marks the document rejected and runs {@code recordRejection} in the same transaction; false (and nothing
     * recorded) when it was not being read any more.
     */
    @Transactional
    public boolean reject(UUID id, String reason, String message, Runnable recordRejection) {
        int rejected = jdbc.update("""
                update work_document set state = 'rejected', reason = ?, message = ?, updated_at = now()
                where id = ? and state = 'reading'""", reason, message, id);
        if (rejected == 1) {
            recordRejection.run();
        }
        return rejected == 1;
    }

    /** How one receipt of a document ended, for an upload waiting on it. */
    public sealed interface Outcome {
        record Recorded(UUID documentId) implements Outcome {
        }

        record Rejected(String reason, String message) implements Outcome {
        }
    }

    /** The outcome of receipt {@code scanId} of these bytes in this dossier, once there is one. */
    public Optional<Outcome> outcome(String dossierCode, String sha256, UUID scanId) {
        Optional<UUID> recorded = records.findDocument(dossierCode, sha256);
        if (recorded.isPresent()) {
            return Optional.of(new Outcome.Recorded(recorded.get()));
        }
        return jdbc.query("""
                select reason, message from work_document where id = ? and last_scan_id = ? and state = 'rejected'""",
                (rs, n) -> (Outcome) new Outcome.Rejected(rs.getString(1), rs.getString(2)),
                PlannedDocument.idOf(dossierCode, sha256), scanId).stream().findFirst();
    }

    /** A row planned before deliveries were kept has no deliverer: its source delivered it. */
    private static Delivery delivery(String role, String componentCode, String deliveredBy, String source) {
        return deliveredBy == null ? Delivery.bySource(source)
                : new Delivery(DocumentRole.of(role), componentCode, deliveredBy);
    }

    private static String agencyKind(CaptureAgency agency) {
        return agency.kind().name().toLowerCase(Locale.ROOT);
    }

    private String write(PageReading reading) {
        try {
            return json.writeValueAsString(reading);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the reading of page " + reading.number() + ": " + e.getMessage(), e);
        }
    }

    private PageReading read(String reading) {
        if (reading == null) {
            throw new IllegalStateException("a page of the document has no reading");
        }
        try {
            return json.readValue(reading, PageReading.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored page reading: " + e.getMessage(), e);
        }
    }
}
