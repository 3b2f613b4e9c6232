package vn.sohoa.app.publish.example;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * A runnable example consumer: prints each results message once.
 * <pre>
 * java -cp sohoa.jar -Dloader.main=vn.sohoa.app.publish.example.ResultsConsumerExample \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [host] [port] [queue]
 * </pre>
 * It keeps the handled ids in memory; a real consumer uses {@link JdbcProcessedMessages}.
 */
public final class ResultsConsumerExample {

    private ResultsConsumerExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5672;
        String queue = args.length > 2 ? args[2] : "sohoa.results.default";
        CachingConnectionFactory connections = new CachingConnectionFactory(host, port);
        connections.setUsername(System.getenv().getOrDefault("AMQP_USER", "guest"));
        connections.setPassword(System.getenv().getOrDefault("AMQP_PASSWORD", "guest"));
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setMessageListener(new ResultsConsumer(new InMemoryProcessedMessages(), result -> System.out.printf(
                "%s: dossier %s, document %s (%s), PDF %s%n", result.path("messageId").asText(),
                result.path("dossierCode").asText(), result.path("documentId").asText(), result.path("type").asText(),
                result.path("pdf").path("path").asText())));
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            container.stop();
            connections.destroy();
        }));
        Thread.currentThread().join();
    }
}
