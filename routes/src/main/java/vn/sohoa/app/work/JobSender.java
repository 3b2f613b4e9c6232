package vn.sohoa.app.work;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.sohoa.app.publish.ConfirmedSender;
import vn.sohoa.app.publish.PublishOutcome;

/** Puts a job on its work queue (the default exchange, routing key = queue) and waits for the broker's confirm. */
@Component
public class JobSender {

    private final ConfirmedSender sender;
    private final JobCodec codec;

    public JobSender(ConfirmedSender sender, JobCodec codec) {
        this.sender = sender;
        this.codec = codec;
    }

    /** Returns once the broker has the job; throws {@link JobNotQueuedException} otherwise. */
    public void send(Job job, String queue) {
        send(job, queue, Map.of());
    }

    /** As {@link #send(Job, String)}, with these headers on the message. */
    public void send(Job job, String queue, Map<String, Object> headers) {
        PublishOutcome outcome = sender.send(job.schema(), job.messageId(), "", queue, codec.write(job), headers);
        if (!(outcome instanceof PublishOutcome.Confirmed)) {
            throw new JobNotQueuedException("job " + job.messageId() + " not queued on " + queue + ": " + outcome);
        }
    }
}
