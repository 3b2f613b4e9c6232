package vn.sohoa.app.records;

import java.util.Objects;

/**
 * What the one who delivered a scan said about it, carried with it from the intake through the work queues to
 * its record and its results message, so that nothing has to be corrected on the row afterwards.
 *
 * @param role a component the citizen submitted, or the result the office issued
 * @param componentCode the procedure component ("thành phần hồ sơ") it provides, or null when not said
 * @param deliveredBy the account that uploaded it, or {@code system:<source>} for a capture source
 */
public record Delivery(DocumentRole role, String componentCode, String deliveredBy) {

    public Delivery {
        role = role == null ? DocumentRole.SUBMITTED : role;
        componentCode = componentCode == null || componentCode.isBlank() ? null : componentCode.strip();
        Objects.requireNonNull(deliveredBy, "deliveredBy");
    }

    /** A submitted component of no known component, delivered by a capture source (inbox, ftp, mail...). */
    public static Delivery bySource(String source) {
        return new Delivery(DocumentRole.SUBMITTED, null, "system:" + source);
    }
}
