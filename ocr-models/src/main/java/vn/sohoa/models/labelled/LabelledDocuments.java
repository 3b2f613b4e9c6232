package vn.sohoa.models.labelled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.sohoa.models.forms.CitizenFormGenerator;
import vn.sohoa.models.forms.FormDocument;
import vn.sohoa.models.forms.FormRenderer;
import vn.sohoa.models.render.AdministrativeDocument;
import vn.sohoa.models.render.CorpusDocumentParser;
import vn.sohoa.models.render.DocumentType;
import vn.sohoa.models.render.PageRenderer;
import vn.sohoa.models.render.SyntheticDocumentGenerator;

/**
 * The labelled documents the type model is trained on and the pipeline is evaluated on, kept apart: training
 * takes synthetic seeds from 1, form seeds from 1 and the corpus files at even positions (sorted by name);
 * evaluation takes synthetic seeds from 1 000 001, form seeds from 1 001 and the corpus files at odd positions.
 * So no evaluated document, nor any corpus text, was seen in training.
 */
public final class LabelledDocuments {

    private static final long EVALUATION_SEEDS = 1_000_000;
    private static final long EVALUATION_FORM_SEEDS = 1_000;
    /** Administrative documents are cut to this much body so that an evaluation page set OCRs in minutes. */
    private static final int EVALUATION_BODY = 900;

    private LabelledDocuments() {
    }

    /** Training documents: {@code synthetic} generated ones, {@code formsPerType} per form template, and half the corpus. */
    public static List<LabelledDocument> training(int synthetic, int formsPerType, Path corpus) {
        List<LabelledDocument> documents = new ArrayList<>();
        for (long seed = 1; seed <= synthetic; seed++) {
            documents.add(administrative("synthetic", SyntheticDocumentGenerator.generate(seed), Integer.MAX_VALUE));
        }
        for (String type : CitizenFormGenerator.TYPES) {
            for (long seed = 1; seed <= formsPerType; seed++) {
                documents.add(form(CitizenFormGenerator.generate(type, seed)));
            }
        }
        List<Path> files = corpusFiles(corpus);
        for (int i = 0; i < files.size(); i += 2) {
            documents.add(administrative("corpus", CorpusDocumentParser.read(files.get(i)), Integer.MAX_VALUE));
        }
        return documents;
    }

    /**
     * Evaluation documents, disjoint from {@link #training}: {@code synthetic} generated, {@code formsPerType} per
     * template, {@code corpusCount} corpus files. Each {@code round} gives other seeds and other corpus files, so a
     * round used to tune the extractors can be followed by one nobody has looked at.
     */
    public static List<LabelledDocument> evaluation(int round, int synthetic, int formsPerType, int corpusCount, Path corpus) {
        List<LabelledDocument> documents = new ArrayList<>();
        long first = EVALUATION_SEEDS + (long) round * synthetic;
        for (long seed = first + 1; seed <= first + synthetic; seed++) {
            documents.add(administrative("synthetic", SyntheticDocumentGenerator.generate(seed), EVALUATION_BODY));
        }
        long firstForm = EVALUATION_FORM_SEEDS + (long) round * formsPerType;
        for (String type : CitizenFormGenerator.TYPES) {
            for (long seed = firstForm + 1; seed <= firstForm + formsPerType; seed++) {
                documents.add(form(CitizenFormGenerator.generate(type, seed)));
            }
        }
        List<Path> files = corpusFiles(corpus);
        List<Path> odd = new ArrayList<>();
        for (int i = 1; i < files.size(); i += 2) {
            odd.add(files.get(i));
        }
        int step = Math.max(1, odd.size() / Math.max(1, corpusCount));
        for (int i = corpusOffset(round, step); i < odd.size() && documents.size() < synthetic + formsPerType * CitizenFormGenerator.TYPES.size() + corpusCount; i += step) {
            documents.add(administrative("corpus", CorpusDocumentParser.read(odd.get(i)), EVALUATION_BODY));
        }
        return documents;
    }

    /** Where a round starts in every {@code step} corpus files: 0, then half a step, then the ones between. */
    static int corpusOffset(int round, int step) {
        List<Integer> offsets = new ArrayList<>(List.of(0));
        if (step > 1) {
            offsets.add(step / 2);
        }
        for (int i = 1; i < step; i++) {
            if (i != step / 2) {
                offsets.add(i);
            }
        }
        return offsets.get(round % offsets.size());
    }

    /** The type code an administrative document is labelled with; types outside SoHoa's list are "khac". */
    public static String typeCode(DocumentType type) {
        return switch (type) {
            case QUYET_DINH, BAO_CAO, TO_TRINH, CONG_VAN, THONG_BAO, KE_HOACH, BIEN_BAN -> type.code();
            default -> "khac";
        };
    }

    static LabelledDocument administrative(String source, AdministrativeDocument full, int body) {
        AdministrativeDocument document = body == Integer.MAX_VALUE ? full : full.withBodyLimitedTo(body);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("so_ky_hieu", document.codeNotation());
        fields.put("ngay_ban_hanh", document.issueDate().toString());
        fields.put("noi_ban_hanh", document.place());
        fields.put("co_quan_ban_hanh", document.issuer());
        fields.put("trich_yeu", document.subject().replaceAll("\\s+", " ").strip());
        fields.put("nguoi_ky", document.signerName());
        fields.put("chuc_vu_nguoi_ky", document.signerTitle());
        return new LabelledDocument(document.id(), source, typeCode(document.type()), fields, text(document),
                () -> new PageRenderer(300).render(document).pages());
    }

    static LabelledDocument form(FormDocument form) {
        return new LabelledDocument(form.id(), "form", form.typeCode(), form.fields(), form.text(),
                () -> new FormRenderer(300).render(form).pages());
    }

    /** What the document prints, in reading order, without rendering it. */
    static String text(AdministrativeDocument document) {
        List<String> lines = new ArrayList<>(document.issuerLines());
        lines.add("Số: " + document.codeNotation());
        lines.add("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        lines.add("Độc lập - Tự do - Hạnh phúc");
        lines.add(document.placeAndDate());
        document.type().title().ifPresent(lines::add);
        lines.add(document.subject());
        lines.addAll(document.bodyParagraphs());
        lines.addAll(document.authorityLines());
        lines.add(document.signerTitle());
        lines.add(document.signerName());
        return String.join("\n", lines);
    }

    private static List<Path> corpusFiles(Path corpus) {
        try (Stream<Path> files = Files.list(corpus)) {
            return files.filter(f -> f.getFileName().toString().matches("doc_\\d+\\.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the legal-text corpus " + corpus + ": " + e.getMessage(), e);
        }
    }
}
