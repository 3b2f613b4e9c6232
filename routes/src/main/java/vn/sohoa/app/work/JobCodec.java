package vn.sohoa.app.work;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Jobs as JSON: {@code {"schema": "sohoa.work.page.v1", ...the record's fields}}, times as ISO-8601 text. The
 * wire format is its own, whatever the application's JSON settings: processes of different settings (or
 * versions) share the queues; fields a reader does not know are ignored.
 */
@Component
public class JobCodec {

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

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
