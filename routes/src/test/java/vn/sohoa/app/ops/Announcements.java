package vn.sohoa.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results messages of dossiers starting with a prefix on a queue bound to sohoa.results, taken off a
 * broker: every delivery's message id, and the message ids of each document (one each when every document was
 * announced once).
 */
public record Announcements(List<String> deliveries, Map<String, Set<String>> messageIdsByDocument) {

    /** From the machine's RabbitMQ. */
    public static Announcements take(String queue, String prefix) throws Exception {
        return take("127.0.0.1", 5672, queue, prefix);
    }

    public static Announcements take(String host, int port, String queue, String prefix) throws Exception {
        Map<String, Set<String>> byDocument = new HashMap<>();
        List<String> deliveries = new ArrayList<>();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        ObjectMapper json = new ObjectMapper();
        try (com.rabbitmq.client.Connection connection = factory.newConnection();
             Channel channel = connection.createChannel()) {
            for (GetResponse r = channel.basicGet(queue, true); r != null; r = channel.basicGet(queue, true)) {
                JsonNode body = json.readTree(r.getBody());
                if (body.get("dossierCode").asText().startsWith(prefix)) {
                    deliveries.add(r.getProps().getMessageId());
                    byDocument.computeIfAbsent(body.get("documentId").asText(), k -> new HashSet<>())
                            .add(r.getProps().getMessageId());
                }
            }
        }
        System.out.printf("%d deliveries of %d message ids for %d documents%n", deliveries.size(),
                new HashSet<>(deliveries).size(), byDocument.size());
        return new Announcements(deliveries, byDocument);
    }
}
