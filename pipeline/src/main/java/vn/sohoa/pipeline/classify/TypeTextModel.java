package vn.sohoa.pipeline.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import vn.sohoa.pipeline.extract.Diacritics;

/**
 * A maximum-entropy document categorizer (Apache OpenNLP) over the words of the beginning of a document,
 * without marks and in lower case, with word pairs. It is trained deterministically from {@value #TRAINING}
 * (written by ocr-models' {@code TypeTrainingDataWriter} from synthetic documents, half the legal-text corpus
 * and the form templates) by {@link #main}, which writes {@value #MODEL}; training takes several seconds, so the
 * committed model is loaded, and the training data is trained on only when the model file is missing.
 */
public final class TypeTextModel {

    static final String TRAINING = "/sohoa/classify/doctype-train.tsv";
    static final String MODEL = "/sohoa/classify/doctype.bin";
    /** Only the beginning of a document is read, as in training: header, title, subject, first paragraphs. */
    static final int CHARACTERS = 1200;
    private static final int ITERATIONS = 100;
    private static final int CUTOFF = 2;

    /** The most likely type and the probability of every type. */
    public record Prediction(String code, double probability, Map<String, Double> probabilities) {

        public Prediction {
            probabilities = Map.copyOf(probabilities);
        }

        public double probabilityOf(String type) {
            return probabilities.getOrDefault(type, 0.0);
        }
    }

    private static volatile TypeTextModel shared;

    private final DoccatModel model;

    private TypeTextModel(DoccatModel model) {
        this.model = model;
    }

    /** The model trained on the committed training data, trained once per JVM. */
    public static TypeTextModel shared() {
        TypeTextModel loaded = shared;
        if (loaded == null) {
            synchronized (TypeTextModel.class) {
                if (shared == null) {
                    shared = load().orElseGet(() -> train(readTraining()));
                }
                loaded = shared;
            }
        }
        return loaded;
    }

    /**
     * Trains the model on the training data on the classpath and writes it to the file given (in the source
     * tree: {@code ocr-models/src/main/resources/sohoa/classify/doctype.bin}).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TypeTextModel <output doctype.bin>");
            System.exit(2);
        }
        TypeTextModel model = train(readTraining());
        try (var out = java.nio.file.Files.newOutputStream(java.nio.file.Path.of(args[0]))) {
            model.model.serialize(out);
        }
        System.out.println("wrote " + args[0]);
    }

    private static java.util.Optional<TypeTextModel> load() {
        try (InputStream in = TypeTextModel.class.getResourceAsStream(MODEL)) {
            return in == null ? java.util.Optional.empty() : java.util.Optional.of(new TypeTextModel(new DoccatModel(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document-type model " + MODEL + ": " + e.getMessage(), e);
        }
    }

    /** A model trained on (type code, text) pairs. */
    public static TypeTextModel train(List<Map.Entry<String, String>> documents) {
        List<DocumentSample> samples = documents.stream()
                .map(d -> new DocumentSample(d.getKey(), tokens(d.getValue()))).toList();
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        try {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
            return new TypeTextModel(DocumentCategorizerME.train("vie", new CollectionObjectStream<>(samples),
                    parameters, factory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train the document-type model: " + e.getMessage(), e);
        }
    }

    public Prediction predict(String text) {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] outcomes = categorizer.categorize(tokens(text));
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.length; i++) {
            probabilities.put(categorizer.getCategory(i), outcomes[i]);
        }
        String best = categorizer.getBestCategory(outcomes);
        return new Prediction(best, probabilities.get(best), probabilities);
    }

    /** Words of the beginning of {@code text}, without marks, lower case; numbers become "#". */
    static String[] tokens(String text) {
        String head = text.length() > CHARACTERS ? text.substring(0, CHARACTERS) : text;
        List<String> tokens = new ArrayList<>();
        for (String token : Diacritics.strip(head).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                tokens.add(token.matches(".*\\d.*") ? "#" : token);
            }
        }
        return tokens.toArray(String[]::new);
    }

    private static List<Map.Entry<String, String>> readTraining() {
        InputStream in = TypeTextModel.class.getResourceAsStream(TRAINING);
        if (in == null) {
            throw new IllegalStateException("the document-type training data " + TRAINING
                    + " is not on the classpath: is sohoa-ocr-models a dependency?");
        }
        List<Map.Entry<String, String>> documents = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    documents.add(Map.entry(line.substring(0, tab), line.substring(tab + 1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TRAINING + ": " + e.getMessage(), e);
        }
        return documents;
    }
}
