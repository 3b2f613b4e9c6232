package vn.sohoa.app.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** docs/results-message.schema.json, the published contract of the results message, for tests. */
public final class ResultSchema {

    private static final JsonSchema SCHEMA = load();

    private ResultSchema() {
    }

    /** The violations of the schema; empty when the message conforms. */
    public static Set<ValidationMessage> violations(JsonNode message) {
        return SCHEMA.validate(message);
    }

    private static JsonSchema load() {
        Path file = Path.of("..", "docs", "results-message.schema.json");
        try (InputStream in = Files.newInputStream(file)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
