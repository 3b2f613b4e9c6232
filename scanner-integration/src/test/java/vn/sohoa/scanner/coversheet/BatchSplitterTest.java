package vn.sohoa.scanner.coversheet;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.sohoa.scanner.coversheet.PageMarker.blank;
import static vn.sohoa.scanner.coversheet.PageMarker.content;
import static vn.sohoa.scanner.coversheet.PageMarker.coverSheet;
import static vn.sohoa.scanner.coversheet.PageMarker.receipt;
import static vn.sohoa.scanner.coversheet.PageMarker.separator;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSplitterTest {

    private final BatchSplitter splitter = BatchSplitter.onSheets();

    @Test
    void coversStartDossiersAndSeparatorsStartDocuments() {
        BatchSplit split = splitter.split(List.of(
                coverSheet("A"), content(), content(), separator(), content(),   // 0..4
                coverSheet("B"), content()));                                      // 5..6

        assertThat(split.unassignedPages()).isEmpty();
        assertThat(split.dossiers()).containsExactly(
                new SplitDossier("A", 0, List.of(doc(1, 2), doc(4))),
                new SplitDossier("B", 5, List.of(doc(6))));
        assertThat(split.dossiers().get(0).pageCount()).isEqualTo(3);
    }

    @Test
    void pagesBeforeTheFirstCoverAreUnassigned() {
        BatchSplit split = splitter.split(List.of(content(), separator(), content(), coverSheet("A"), content()));

        assertThat(split.unassignedPages()).containsExactly(0, 2);
        assertThat(split.dossiers()).containsExactly(new SplitDossier("A", 3, List.of(doc(4))));
    }

    @Test
    void repeatedAndTrailingSeparatorsMakeNoEmptyDocuments() {
        BatchSplit split = splitter.split(List.of(coverSheet("A"), separator(), content(), separator(), separator(),
                content(), separator()));

        assertThat(split.dossiers()).containsExactly(new SplitDossier("A", 0, List.of(doc(2), doc(5))));
    }

    @Test
    void aCoverWithoutPagesIsKeptSoTheMissingDossierShows() {
        BatchSplit split = splitter.split(List.of(coverSheet("A"), coverSheet("B"), content()));

        assertThat(split.dossiers()).containsExactly(new SplitDossier("A", 0, List.of()),
                new SplitDossier("B", 1, List.of(doc(2))));
    }

    @Test
    void aReceiptStartsADossierAndIsKeptAsItsFirstPage() {
        BatchSplit split = splitter.split(List.of(receipt("A"), content(), coverSheet("B"), receipt("B"), content()));

        assertThat(split.dossiers()).containsExactly(new SplitDossier("A", 0, List.of(doc(0, 1))),
                new SplitDossier("B", 2, List.of(doc(3, 4))));
    }

    @Test
    void blankBackSidesOfSheetsAreDroppedInDuplexBatches() {
        BatchSplit split = splitter.split(List.of(coverSheet("A"), blank(), content(), blank(), separator(), blank(),
                content(), content()));

        assertThat(split.dossiers()).containsExactly(new SplitDossier("A", 0, List.of(doc(2, 3), doc(6, 7))));
    }

    @Test
    void blankPagesSeparateDocumentsWhenAskedTo() {
        List<PageMarker> batch = List.of(coverSheet("A"), content(), blank(), blank(), content(), content());

        assertThat(new BatchSplitter(true).split(batch).dossiers())
                .containsExactly(new SplitDossier("A", 0, List.of(doc(1), doc(4, 5))));
        assertThat(splitter.split(batch).dossiers())
                .containsExactly(new SplitDossier("A", 0, List.of(doc(1, 2, 3, 4, 5))));
    }

    @Test
    void anEmptyBatchSplitsIntoNothing() {
        assertThat(splitter.split(List.of())).isEqualTo(new BatchSplit(List.of(), List.of()));
    }

    private static SplitDocument doc(Integer... pages) {
        return new SplitDocument(List.of(pages));
    }
}
