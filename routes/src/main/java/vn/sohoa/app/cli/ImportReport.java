package vn.sohoa.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.sohoa.app.intake.BatchPlan;

/** What an import did, for the archivist: counts, and every failure with its reason and what to do. */
final class ImportReport {

    private int batches;
    private final Set<String> dossiers = new LinkedHashSet<>();
    private int done;
    private int skipped;
    private long pagesDone;
    private final List<String> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    static String unassignedMessage(List<Integer> positions) {
        return "trang " + BatchPlan.pageRanges(positions) + " nằm trước tờ bìa hồ sơ đầu tiên nên chưa thuộc hồ sơ nào"
                + " (pages before the first cover sheet): đặt tờ bìa hồ sơ lên trước và quét lại các trang này";
    }

    synchronized void inputFailed(String input, String error) {
        failures.add(input + ": " + error);
    }

    synchronized void planned(String input, ImportPlan plan) {
        batches++;
        plan.documents().forEach(d -> dossiers.add(d.dossierCode()));
        plan.unreadable().forEach(u -> failures.add(u.file() + ": " + u.error()));
        if (!plan.unassignedPages().isEmpty()) {
            failures.add(input + ": " + unassignedMessage(plan.unassignedPages()));
        }
        for (String code : plan.emptyDossiers()) {
            warnings.add(input + ": tờ bìa hồ sơ " + code + " không có trang nào theo sau (cover sheet with no pages)");
        }
    }

    synchronized void done(ImportPlan.Planned document) {
        done++;
        pagesDone += document.pages().size();
    }

    synchronized void skipped(ImportPlan.Planned document) {
        skipped++;
    }

    synchronized void failed(String input, ImportPlan.Planned document, String error) {
        failures.add(input + " trang " + BatchPlan.pageRanges(document.pages()) + " (hồ sơ " + document.dossierCode()
                + ", tài liệu " + document.index() + "): " + error);
    }

    synchronized boolean allOk() {
        return failures.isEmpty();
    }

    synchronized String text(Path outputDir) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("Nhập lô: %d lô, %d hồ sơ; %d tài liệu mới (%d trang), %d đã xong từ lần trước, %d lỗi.%n",
                batches, dossiers.size(), done, pagesDone, skipped, failures.size()));
        if (!failures.isEmpty()) {
            text.append("Lỗi:").append(System.lineSeparator());
            failures.forEach(f -> text.append("  ").append(f).append(System.lineSeparator()));
        }
        if (!warnings.isEmpty()) {
            text.append("Cần xem lại:").append(System.lineSeparator());
            warnings.forEach(w -> text.append("  ").append(w).append(System.lineSeparator()));
        }
        text.append("Kết quả: ").append(outputDir).append(System.lineSeparator());
        return text.toString();
    }

    void print(PrintStream stream, Path outputDir) {
        stream.print(text(outputDir));
        stream.flush();
    }
}
