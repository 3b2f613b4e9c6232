package vn.sohoa.models.labelled;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the training data of the document-type model: one document per line, its type code, a tab, and the
 * first {@value #CHARACTERS} characters of its text on one line. Committed as
 * {@code ocr-models/src/main/resources/sohoa/classify/doctype-train.tsv}; regenerate with
 * {@code java -cp ocr-models/target/classes vn.sohoa.models.labelled.TypeTrainingDataWriter <corpus/legal-text> <output>}.
 */
public final class TypeTrainingDataWriter {

    /** The model reads the beginning of a document: header, title, subject, first paragraphs. */
    public static final int CHARACTERS = 1200;
    static final int SYNTHETIC = 400;
    static final int FORMS_PER_TYPE = 40;

    private TypeTrainingDataWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TypeTrainingDataWriter <corpus/legal-text directory> <output .tsv>");
            System.exit(2);
        }
        List<LabelledDocument> documents = LabelledDocuments.training(SYNTHETIC, FORMS_PER_TYPE, Path.of(args[0]));
        write(documents, Path.of(args[1]));
        System.out.println("wrote " + documents.size() + " documents to " + args[1]);
    }

    static void write(List<LabelledDocument> documents, Path output) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (LabelledDocument document : documents) {
                String text = document.text().replaceAll("\\s+", " ").strip();
                if (text.length() > CHARACTERS) {
                    text = text.substring(0, CHARACTERS);
                }
                out.write(document.typeCode() + "\t" + text + "\n");
            }
        }
    }
}
