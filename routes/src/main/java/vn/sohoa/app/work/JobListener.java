package vn.sohoa.app.work;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Hands each job of one work queue to its stage and acknowledges it only once the stage is done (manual
 * acknowledgement: a worker killed in the middle never acknowledged, and the broker delivers the job again).
 * A stage handles what it can itself (rejections are quarantined and done; a passing failure is retried in
 * place); a job the stage failed on otherwise goes back to the queue after a pause, to be tried again by this or
 * another worker, up to the queue's delivery limit. A job the stage failed on with an {@link Error} (out of
 * memory, a stack overflow) is queued again as a copy that counts its failures in a header, so the count holds
 * on any broker (the embedded one counts nothing), and at {@code sohoa.work.delivery-limit} failures the stage
 * rejects it with the error as the reason. A message that is not a job, and a job naming a path outside
 * SOHOA_HOME, are rejected (dead-lettered) before any stage sees them.
 */
final class JobListener<T extends Job> implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);
    private static final long PAUSE_BEFORE_REQUEUE_MS = 1000;

    /** How often the stage failed on this job with an {@link Error} before, on the copy queued again. */
    static final String FAILURES_HEADER = "x-sohoa-failures";
    /** The reason of a job rejected after running out of memory each time. */
    static final String OUT_OF_MEMORY = "OUT_OF_MEMORY";
    /** The reason of a job rejected after another {@link Error} each time. */
    static final String STAGE_ERROR = "STAGE_ERROR";

    /** One stage's work on one job. */
    @FunctionalInterface
    interface Stage<T> {
        void handle(T job) throws Exception;
    }

    /** What a stage does with a job it gave up on: quarantines it with the reason. */
    @FunctionalInterface
    interface Rejection<T> {
        void reject(T job, String reason, String message) throws Exception;
    }

    private final String queue;
    private final Class<T> type;
    private final String schema;
    private final JobCodec codec;
    private final Stage<T> stage;
    private final HomePaths home;
    private final Rejection<T> rejection;
    private final JobSender sender;
    private final int failureLimit;

    JobListener(String queue, Class<T> type, String schema, JobCodec codec, HomePaths home, Stage<T> stage,
                Rejection<T> rejection, JobSender sender, int failureLimit) {
        this.rejection = rejection;
        this.sender = sender;
        this.failureLimit = failureLimit;
        this.queue = queue;
        this.type = type;
        this.schema = schema;
        this.codec = codec;
        this.stage = stage;
        this.home = home;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        T job;
        try {
            job = codec.read(message.getBody(), type, schema);
        } catch (IllegalArgumentException e) {
            log.error("message {} on {} is not a job and is dead-lettered: {}",
                    message.getMessageProperties().getMessageId(), queue, e.getMessage());
            channel.basicReject(tag, false);
            return;
        }
        try {
            job.paths().forEach(home::check);
        } catch (HomePaths.OutsideHomeException e) {
            log.error("job {} on {} is refused and dead-lettered, nothing of it is read or written: {}",
                    job.messageId(), queue, e.getMessage());
            channel.basicReject(tag, false);
            return;
        }
        try {
            stage.handle(job);
        } catch (TransientRetry.StoppingException e) {
            log.info("{}: job {} goes back to {}", e.getMessage(), job.messageId(), queue);
            settle(channel, tag, job, false);
            return;
        } catch (Exception e) {
            Object deliveries = message.getMessageProperties().getHeader("x-delivery-count");
            log.error("job {} on {} failed and goes back to the queue{}: {}", job.messageId(), queue,
                    deliveries == null ? "" : " (delivered " + deliveries + " times before)", String.valueOf(e.getMessage()), e);
            pause();
            settle(channel, tag, job, false);
            return;
        } catch (Error e) {
            failedWithError(message, channel, tag, job, e);
            return;
        }
        settle(channel, tag, job, true);
    }

    /**
     * A job the stage failed on with an error: queued again as a copy that counts the failure (then the one in
     * hand is acknowledged), or at the limit rejected by the stage with the error as the reason.
     */
    private void failedWithError(Message message, Channel channel, long tag, T job, Error error) {
        Object before = message.getMessageProperties().getHeader(FAILURES_HEADER);
        int failures = (before instanceof Number n ? n.intValue() : 0) + 1;
        if (failures >= failureLimit) {
            log.error("job {} on {} failed {} times with {} and is rejected", job.messageId(), queue, failures,
                    error, error);
            String reason = error instanceof OutOfMemoryError ? OUT_OF_MEMORY : STAGE_ERROR;
            try {
                rejection.reject(job, reason, "công việc đã lỗi " + failures + " lần nên không làm lại nữa (the worker"
                        + " failed on this job " + failures + " times with " + error + "); xem nhật ký của dịch vụ");
            } catch (Exception | Error e) {
                log.error("job {} on {} could not be rejected and goes back to the queue: {}", job.messageId(), queue,
                        String.valueOf(e.getMessage()), e);
                pause();
                settle(channel, tag, job, false);
                return;
            }
            settle(channel, tag, job, true);
            return;
        }
        log.error("job {} on {} failed with {} ({} of {} times before it is rejected) and is queued again",
                job.messageId(), queue, error, failures, failureLimit, error);
        pause();
        try {
            sender.send(job, queue, Map.of(FAILURES_HEADER, failures));
        } catch (RuntimeException e) {
            log.warn("job {} could not be queued again on {} ({}): it goes back as it was", job.messageId(), queue,
                    e.getMessage());
            settle(channel, tag, job, false);
            return;
        }
        settle(channel, tag, job, true);
    }

    /**
     * Acknowledges the job, or gives it back. When the channel is gone (the broker restarted or was cut off), the
     * broker gives the job to a consumer again anyway, and the stage finds its work done: that is said, not
     * thrown.
     */
    private void settle(Channel channel, long tag, T job, boolean done) {
        try {
            if (done) {
                channel.basicAck(tag, false);
            } else {
                channel.basicNack(tag, false, true);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("job {} on {} could not be {} ({}): the broker will deliver it again", job.messageId(), queue,
                    done ? "acknowledged" : "given back", e.getMessage());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_BEFORE_REQUEUE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
