package vn.sohoa.scanner.escl;

import java.net.URI;

/** A scan job the device accepted: its address from the {@code Location} of the 201 answer. */
public record ScanJob(URI location, ScanSettings settings) {
}
