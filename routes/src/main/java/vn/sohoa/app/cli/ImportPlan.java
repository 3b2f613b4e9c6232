package vn.sohoa.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one batch of an import is cut, as written to and read back from the journal: pages per file (to find
 * a batch position again), files that could not be read, the documents with the output each one gets,
 * pages before the first cover sheet, and cover sheets with no pages after them.
 */
record ImportPlan(String batch, String input, List<Integer> pagesPerFile, List<Unreadable> unreadable,
                  List<Planned> documents, List<Integer> unassignedPages, List<String> emptyDossiers) {

    ImportPlan {
        pagesPerFile = List.copyOf(pagesPerFile);
        unreadable = List.copyOf(unreadable);
        documents = List.copyOf(documents);
        unassignedPages = List.copyOf(unassignedPages);
        emptyDossiers = List.copyOf(emptyDossiers);
    }

    /** A file of the batch that could not be decoded, and why. */
    record Unreadable(String file, String error) {
    }

    /** A document to write: its index in the batch, dossier, batch positions and output (relative). */
    record Planned(int index, String dossierCode, List<Integer> pages, String output) {
        Planned {
            pages = List.copyOf(pages);
        }
    }

    int pageCount() {
        return documents.stream().mapToInt(d -> d.pages().size()).sum();
    }

    Map<String, Object> toJournal() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", "plan");
        entry.put("batch", batch);
        entry.put("input", input);
        entry.put("pagesPerFile", pagesPerFile);
        entry.put("unreadable", unreadable.stream().map(u -> Map.of("file", u.file(), "error", u.error())).toList());
        entry.put("documents", documents.stream().map(d -> {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("index", d.index());
            document.put("dossierCode", d.dossierCode());
            document.put("pages", d.pages());
            document.put("output", d.output());
            return document;
        }).toList());
        entry.put("unassignedPages", unassignedPages);
        entry.put("emptyDossiers", emptyDossiers);
        return entry;
    }

    static ImportPlan fromJournal(Map<String, Object> entry) {
        List<Unreadable> unreadable = new ArrayList<>();
        for (Object item : (List<?>) entry.get("unreadable")) {
            Map<?, ?> map = (Map<?, ?>) item;
            unreadable.add(new Unreadable(String.valueOf(map.get("file")), String.valueOf(map.get("error"))));
        }
        List<Planned> documents = new ArrayList<>();
        for (Object item : (List<?>) entry.get("documents")) {
            Map<?, ?> map = (Map<?, ?>) item;
            documents.add(new Planned(((Number) map.get("index")).intValue(), String.valueOf(map.get("dossierCode")),
                    integers(map.get("pages")), String.valueOf(map.get("output"))));
        }
        @SuppressWarnings("unchecked")
        List<String> empty = (List<String>) entry.get("emptyDossiers");
        return new ImportPlan(String.valueOf(entry.get("batch")), String.valueOf(entry.get("input")),
                integers(entry.get("pagesPerFile")), unreadable, documents, integers(entry.get("unassignedPages")), empty);
    }

    private static List<Integer> integers(Object list) {
        return ((List<?>) list).stream().map(n -> ((Number) n).intValue()).toList();
    }
}
