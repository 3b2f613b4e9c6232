package vn.sohoa.models.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of an evaluation set's {@code manifest.jsonl}: an image file, how it was made, and the field values
 * that a reader of it should find.
 *
 * @param file          image file name, relative to the set's directory
 * @param groundTruth   ground-truth text file name (pages separated by form feed)
 * @param wordBoxes     word-box file name (boxes of the undegraded 300 dpi page, see {@link EvaluationSetWriter})
 * @param documentId    document id ("doc_000081", "synthetic-7000003")
 * @param source        "corpus" or "synthetic"
 * @param variant       name of the degradation recipe
 * @param degradations  degradation names, in the order applied
 * @param dpi           resolution of the image file
 * @param colourMode    "rgb", "grey" or "bilevel"
 * @param format        "png", "jpeg" or "tiff"
 * @param compression   compression inside the file ("png", "jpeg", "CCITT T.6", "LZW")
 * @param firstPage     1-based number of the document page the file starts with
 * @param pages         number of pages in the file
 * @param fields        known field values, in manifest order
 */
public record ManifestEntry(
        String file,
        String groundTruth,
        String wordBoxes,
        String documentId,
        String source,
        String variant,
        List<String> degradations,
        int dpi,
        String colourMode,
        String format,
        String compression,
        int firstPage,
        int pages,
        Map<String, String> fields) {

    public ManifestEntry {
        degradations = List.copyOf(degradations);
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The field values of a document under the keys the extraction evaluation uses. */
    public static Map<String, String> fieldsOf(AdministrativeDocument document) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("so_ky_hieu", document.codeNotation());
        fields.put("ngay_ban_hanh", document.issueDate().toString());
        fields.put("co_quan_ban_hanh", document.issuer());
        fields.put("loai_van_ban", document.type().code());
        fields.put("trich_yeu", document.subject());
        fields.put("nguoi_ky", document.signerName());
        fields.put("chuc_vu_nguoi_ky", document.signerTitle());
        fields.put("tham_quyen_ky", String.join(" ", document.authorityLines()));
        fields.put("noi_ban_hanh", document.place());
        return fields;
    }

    /** This entry as one line of JSON (no trailing newline), keys in a fixed order. */
    public String toJson() {
        StringBuilder json = new StringBuilder(512).append('{');
        member(json, "file", file).append(',');
        member(json, "ground_truth", groundTruth).append(',');
        member(json, "word_boxes", wordBoxes).append(',');
        member(json, "doc_id", documentId).append(',');
        member(json, "source", source).append(',');
        member(json, "variant", variant).append(',');
        quote(json, "degradations").append(":[");
        for (int i = 0; i < degradations.size(); i++) {
            quote(json.append(i > 0 ? "," : ""), degradations.get(i));
        }
        json.append("],");
        quote(json, "dpi").append(':').append(dpi).append(',');
        member(json, "colour_mode", colourMode).append(',');
        member(json, "format", format).append(',');
        member(json, "compression", compression).append(',');
        quote(json, "first_page").append(':').append(firstPage).append(',');
        quote(json, "pages").append(':').append(pages).append(',');
        quote(json, "fields").append(":{");
        boolean first = true;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            member(json.append(first ? "" : ","), field.getKey(), field.getValue());
            first = false;
        }
        return json.append("}}").toString();
    }

    private static StringBuilder member(StringBuilder json, String key, String value) {
        return quote(quote(json, key).append(':'), value);
    }

    /** Appends {@code text} as a JSON string (RFC 8259): quotes, backslashes and control characters escaped. */
    static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
