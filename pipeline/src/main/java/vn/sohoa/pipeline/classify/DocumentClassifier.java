package vn.sohoa.pipeline.classify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.sohoa.pipeline.classify.TitleClassifier.TitleMatch;
import vn.sohoa.pipeline.classify.TypeTextModel.Prediction;
import vn.sohoa.pipeline.ocr.OcrPage;

/**
 * The type of a document (all its pages as one): the printed title when there is one, weighed with the text
 * model, and the text model alone when there is none. A title the model agrees with is surer than either; a
 * title the model disagrees with is kept but less sure. Without a title, a model answer below
 * {@link #MODEL_THRESHOLD}, or less than twice as likely as the runner-up, gives "khac" at confidence 0 (so a
 * person looks) instead of a guess.
 */
public final class DocumentClassifier {

    public static final double MODEL_THRESHOLD = 0.45;
    private static final double MARGIN = 2;

    private final TitleClassifier titles = new TitleClassifier();
    private final TypeTextModel model;

    public DocumentClassifier() {
        this(TypeTextModel.shared());
    }

    public DocumentClassifier(TypeTextModel model) {
        this.model = model;
    }

    public DocumentType classify(List<OcrPage> pages) {
        String text = pages.stream().map(OcrPage::text).collect(Collectors.joining("\n"));
        if (text.isBlank()) {
            return DocumentType.unknown();
        }
        Optional<TitleMatch> title = titles.find(pages.get(0));
        Prediction prediction = model.predict(text);
        return combine(title, prediction);
    }

    static DocumentType combine(Optional<TitleMatch> title, Prediction prediction) {
        if (title.isPresent()) {
            String code = title.get().kind().code();
            double rule = title.get().confidence();
            if (prediction.code().equals(code)) {
                return new DocumentType(code, 1 - (1 - rule) * (1 - prediction.probability()));
            }
            return new DocumentType(code, rule * (0.6 + 0.4 * prediction.probabilityOf(code)));
        }
        double runnerUp = prediction.probabilities().entrySet().stream()
                .filter(e -> !e.getKey().equals(prediction.code())).mapToDouble(Map.Entry::getValue).max().orElse(0);
        if (prediction.probability() >= MODEL_THRESHOLD && prediction.probability() >= MARGIN * runnerUp) {
            return new DocumentType(prediction.code(), 0.95 * prediction.probability());
        }
        return DocumentType.unknown();
    }
}
