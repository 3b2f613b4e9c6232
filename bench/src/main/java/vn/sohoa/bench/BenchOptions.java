package vn.sohoa.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a benchmark ({@code --name value}, and {@code --no-real-scans} or {@code --real-scans-only} alone) with the options
 * every one of them shares: the evaluation set's size and seed, the output folder and the shared corpus.
 */
record BenchOptions(Map<String, String> values) {

    static BenchOptions parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; see bench/run");
            }
            String key = args[i].substring(2);
            if (key.equals("no-real-scans") || key.equals("real-scans-only")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return new BenchOptions(Map.copyOf(options));
    }

    String get(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    int pages() {
        return Integer.parseInt(get("pages", "16"));
    }

    long seed() {
        return Long.parseLong(get("seed", "3"));
    }

    Path out() {
        return Path.of(get("out", "bench/out"));
    }

    Path corpus() {
        return Path.of(get("corpus", "../shared/corpus"));
    }

    /** The evaluation pages, rendered into {@code out/set} (the same pages for the same size and seed). */
    List<BenchPage> set() throws IOException {
        System.err.printf("bench: rendering %d pages (seed %d)%n", pages(), seed());
        return BenchSet.write(out().resolve("set"), pages(), seed(), corpus().resolve("legal-text"));
    }
}
