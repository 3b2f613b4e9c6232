package vn.sohoa.app.work;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.sohoa.app.config.SohoaProperties;

/**
 * The consumers of the work queues, started in the roles that digitize ({@code all}, {@code worker}), with
 * manual acknowledgement. Pages are read by as many consumers as the process has OCR engines
 * ({@code sohoa.ocr-threads}, or {@code sohoa.work.page-consumers}), each holding {@code sohoa.work.prefetch}
 * job (1: a slow page never keeps others from idle workers); scans are planned one at a time, documents
 * assembled {@code sohoa.work.document-consumers} at a time. A stop lets the jobs in hand finish for up to
 * 60 s; what is not finished goes back to its queue.
 */
@Configuration
public class WorkListeners {

    private static final long SHUTDOWN_TIMEOUT_MS = 60_000;

    @Bean
    public SimpleMessageListenerContainer scanConsumers(ConnectionFactory connections, WorkSettings settings,
                                                        SohoaProperties properties, JobCodec codec, ScanStage stage,
                                                        JobSender sender) {
        return container(connections, settings, properties, 1, new JobListener<>(settings.scansQueue(), ScanJob.class,
                ScanJob.SCHEMA, codec, homePaths(properties), stage::handle, stage::reject, sender, settings.deliveryLimit()), settings.scansQueue());
    }

    @Bean
    public SimpleMessageListenerContainer pageConsumers(ConnectionFactory connections, WorkSettings settings,
                                                        SohoaProperties properties, JobCodec codec, PageStage stage,
                                                        JobSender sender) {
        return container(connections, settings, properties, settings.pageConsumers(properties.effectiveOcrThreads()),
                new JobListener<>(settings.pagesQueue(), PageJob.class, PageJob.SCHEMA, codec, homePaths(properties), stage::handle,
                        stage::reject, sender, settings.deliveryLimit()),
                settings.pagesQueue());
    }

    @Bean
    public SimpleMessageListenerContainer documentConsumers(ConnectionFactory connections, WorkSettings settings,
                                                            SohoaProperties properties, JobCodec codec,
                                                            DocumentStage stage, JobSender sender) {
        return container(connections, settings, properties, settings.documentConsumers(), new JobListener<>(
                settings.documentsQueue(), DocumentJob.class, DocumentJob.SCHEMA, codec, homePaths(properties), stage::handle,
                stage::reject, sender, settings.deliveryLimit()),
                settings.documentsQueue());
    }

    private static HomePaths homePaths(SohoaProperties properties) {
        return new HomePaths(properties.home());
    }

    private static SimpleMessageListenerContainer container(ConnectionFactory connections, WorkSettings settings,
                                                            SohoaProperties properties, int consumers,
                                                            JobListener<?> listener, String queue) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(queue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConcurrentConsumers(consumers);
        container.setMaxConcurrentConsumers(consumers);
        container.setPrefetchCount(settings.prefetch());
        container.setMissingQueuesFatal(false);
        container.setShutdownTimeout(SHUTDOWN_TIMEOUT_MS);
        container.setRecoveryInterval(2000);
        container.setMessageListener(listener);
        container.setAutoStartup(properties.role().digitizes());
        return container;
    }
}
