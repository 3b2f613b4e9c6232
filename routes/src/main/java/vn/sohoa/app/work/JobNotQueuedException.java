package vn.sohoa.app.work;

import org.springframework.amqp.AmqpException;

/**
 * The broker did not confirm a job: it is down, or refused or returned the message. Says nothing about the
 * file, so whoever sent it keeps what it was acknowledging (the inbox file, the page job) and tries again.
 */
public class JobNotQueuedException extends AmqpException {

    public JobNotQueuedException(String message) {
        super(message);
    }
}
