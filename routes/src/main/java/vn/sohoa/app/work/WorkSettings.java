package vn.sohoa.app.work;

import java.net.InetAddress;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code sohoa.work.*}: the work queues between the stages and how a process consumes them.
 *
 * @param queuePrefix the queues are {@code <prefix>.scans}, {@code .pages}, {@code .documents} and the
 *        dead-letter queue {@code <prefix>.dlq}
 * @param quorumQueues declare them as RabbitMQ quorum queues with a delivery limit and dead-lettering; the
 *        embedded broker (Qpid), which knows neither, gets its own equivalent arguments instead
 * @param deliveryLimit deliveries of one job (each one a worker that died or gave it back) before it is
 *        dead-lettered
 * @param pageConsumers pages read at once by this process; 0 means one per OCR thread
 * @param prefetch unacknowledged jobs the broker sends each consumer ahead
 * @param documentConsumers documents assembled (classified, PDF written, recorded) at once
 * @param workerName how this process signs the pages it reads; default host name and process id
 * @param uploadWait how long an upload waits for its document before it is answered "queued"
 */
@ConfigurationProperties("sohoa.work")
public record WorkSettings(@DefaultValue("sohoa.work") String queuePrefix,
                           @DefaultValue("true") boolean quorumQueues,
                           @DefaultValue("5") int deliveryLimit,
                           @DefaultValue("0") int pageConsumers,
                           @DefaultValue("1") int prefetch,
                           @DefaultValue("1") int documentConsumers,
                           String workerName,
                           @DefaultValue("5m") Duration uploadWait) {

    public WorkSettings {
        if (deliveryLimit < 1 || pageConsumers < 0 || prefetch < 1 || documentConsumers < 1) {
            throw new IllegalArgumentException("sohoa.work.delivery-limit, prefetch and document-consumers must be"
                    + " at least 1 and page-consumers at least 0, not " + deliveryLimit + ", " + prefetch + ", "
                    + documentConsumers + " and " + pageConsumers);
        }
        workerName = workerName == null || workerName.isBlank() ? defaultWorkerName() : workerName.strip();
    }

    /** Stored originals to plan: one job per scan received. */
    public String scansQueue() {
        return queuePrefix + ".scans";
    }

    /** One page of a planned document to clean up and OCR. */
    public String pagesQueue() {
        return queuePrefix + ".pages";
    }

    /** A document whose pages are all read, to classify, extract, write as PDF/A and record. */
    public String documentsQueue() {
        return queuePrefix + ".documents";
    }

    /** Where RabbitMQ puts a job delivered {@code deliveryLimit} times without being acknowledged. */
    public String deadLetterQueue() {
        return queuePrefix + ".dlq";
    }

    /** Page consumers of a process with {@code ocrThreads} OCR engines. */
    public int pageConsumers(int ocrThreads) {
        return pageConsumers > 0 ? pageConsumers : ocrThreads;
    }

    private static String defaultWorkerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
