package vn.sohoa.app.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.sohoa.pipeline.RejectedScanException;

/**
 * The one door every capture route goes through: a file whose dossier is known (its folder, the mail's
 * subject) is one document of it; a file without is a batch cut by its cover and separator sheets.
 */
@Component
public class ScanIntake {

    private final InboxScanProcessor documents;
    private final BatchScanProcessor batches;

    public ScanIntake(InboxScanProcessor documents, BatchScanProcessor batches) {
        this.documents = documents;
        this.batches = batches;
    }

    /** How many documents the file made, how many of them were already recorded, and unassigned pages. */
    public record Accepted(int documents, int duplicates, List<Integer> unassignedPages) {
    }

    public Accepted accept(Path file, Optional<String> dossierCode) throws RejectedScanException, IOException {
        if (dossierCode.isPresent()) {
            InboxScanProcessor.Outcome outcome = documents.process(file, dossierCode.get());
            return new Accepted(1, outcome.duplicate() ? 1 : 0, List.of());
        }
        BatchScanProcessor.Outcome outcome = batches.process(file);
        return new Accepted(outcome.documents().size(), outcome.duplicates(), outcome.unassignedPages());
    }
}
