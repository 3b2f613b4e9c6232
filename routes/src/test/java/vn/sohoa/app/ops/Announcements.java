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
        return take("127.0.0.1", 5672, "guest", "guest", queue, prefix);
    }

    public static Announcements take(String host, int port, String user, String password, String queue, String prefix)
            throws Exception {
        Map<String, Set<String>> byDocument = new HashMap<>();
        List<String> deliveries = new ArrayList<>();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(user);
        factory.setPassword(password);
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
        Announcements announced = new Announcements(deliveries, byDocument);
        System.out.printf("%d deliveries of %d message ids for %d documents%n", deliveries.size(),
                announced.messageIds().size(), byDocument.size());
        return announced;
    }

    /** The distinct message ids delivered. */
    public Set<String> messageIds() {
        return new HashSet<>(deliveries);
    }

    /**
     * How many times the most delivered message id came: 1 when each message came once, 2 when a process killed
     * between the broker's confirm and the commit marking its outbox row sent it again on restart.
     */
    public long mostDeliveriesOfOneMessage() {
        return deliveries.stream().collect(java.util.stream.Collectors.groupingBy(id -> id,
                java.util.stream.Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
