package vn.sohoa.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A way of turning scans into searchable PDFs: SoHoa, the tesseract CLI, OCRmyPDF. */
public interface Contender {

    String name();

    /** Turns every input into a PDF under {@code outDir}; the PDF of each input that succeeded, by input. */
    Map<Path, Path> run(List<Path> inputs, Path outDir) throws Exception;
}
