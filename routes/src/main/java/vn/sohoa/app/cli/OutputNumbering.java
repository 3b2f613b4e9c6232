package vn.sohoa.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Gives documents the names DIR/&lt;dossier&gt;/1.pdf, 2.pdf, ... after the highest number already there or
 * already promised to a document by the journal, so no import overwrites another's output.
 */
final class OutputNumbering {

    private final Path outputDir;
    private final Map<String, Integer> highest = new HashMap<>();
    private final Set<String> looked = new HashSet<>();

    OutputNumbering(Path outputDir, List<String> plannedOutputs) {
        this.outputDir = outputDir;
        plannedOutputs.forEach(this::take);
    }

    /** The next output, relative to the output folder: "&lt;dossier folder&gt;/&lt;n&gt;.pdf". */
    String next(String dossierFolder) throws IOException {
        if (looked.add(dossierFolder)) {
            Path dir = outputDir.resolve(dossierFolder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(f -> take(dossierFolder + "/" + f.getFileName()));
                }
            }
        }
        int n = highest.merge(dossierFolder, 1, Integer::sum);
        return dossierFolder + "/" + n + ".pdf";
    }

    private void take(String output) {
        int slash = output.lastIndexOf('/');
        String name = output.substring(slash + 1);
        if (slash > 0 && name.matches("\\d{1,9}\\.pdf")) {
            highest.merge(output.substring(0, slash), Integer.parseInt(name.substring(0, name.length() - 4)), Math::max);
        }
    }
}
