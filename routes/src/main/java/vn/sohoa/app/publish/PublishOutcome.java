package vn.sohoa.app.publish;

/**
 * What the broker said about one message: confirmed; returned as unroutable or refused (a fault of the
 * message or the topology, counted towards dead-lettering); or not reachable at all (an outage, which only
 * delays the message).
 */
public sealed interface PublishOutcome {

    record Confirmed() implements PublishOutcome {
    }

    record Rejected(String reason) implements PublishOutcome {
    }

    record Unreachable(String reason) implements PublishOutcome {
    }
}
