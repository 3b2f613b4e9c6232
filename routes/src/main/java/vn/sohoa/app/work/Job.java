package vn.sohoa.app.work;

import java.util.List;

/**
 * A message on a work queue: small JSON (no pixels), persistent, confirmed by the broker when sent and
 * acknowledged by the worker only once its stage is done, so that a job is never lost and may come twice.
 * Every stage is idempotent for that reason.
 */
public sealed interface Job permits ScanJob, PageJob, DocumentJob {

    /** The versioned schema name, also the AMQP type and the {@code schema} header. */
    String schema();

    /** The AMQP message id: the same job sent twice has the same id. */
    String messageId();

    /** The files it names, relative to SOHOA_HOME, null for none; checked before a worker touches them. */
    List<String> paths();
}
