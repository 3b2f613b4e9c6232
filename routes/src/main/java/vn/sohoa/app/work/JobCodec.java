package vn.sohoa.app.work;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.springframework.stereotype.Component;

/** Jobs as JSON: {@code {"schema": "sohoa.work.page.v1", ...the record's fields}}. */
@Component
public class JobCodec {

    private final ObjectMapper json;

    public JobCodec(ObjectMapper json) {
        this.json = json;
    }

    public String write(Job job) {
        ObjectNode node = json.createObjectNode().put("schema", job.schema());
        node.setAll((ObjectNode) json.valueToTree(job));
        return node.toString();
    }

    /** The job in {@code body}; throws {@link IllegalArgumentException} for a body that is not one of {@code type}. */
    public <T extends Job> T read(byte[] body, Class<T> type, String schema) {
        try {
            JsonNode node = json.readTree(body);
            String found = node.path("schema").asText("");
            if (!found.equals(schema)) {
                throw new IllegalArgumentException("expected a " + schema + " job, not '" + found + "'");
            }
            ((ObjectNode) node).remove("schema");
            return json.treeToValue(node, type);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a " + schema + " job: " + e.getMessage(), e);
        }
    }
}
