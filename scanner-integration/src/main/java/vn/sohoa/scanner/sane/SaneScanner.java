package vn.sohoa.scanner.sane;

import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneSession;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.sohoa.scanner.ScannerException;

/**
 * A connection to a SANE network daemon (saned), which serves the USB and network scanners of the
 * machine it runs on, spoken to with jfreesane (the SANE network protocol in pure Java: no native
 * library in the JVM).
 *
 * <pre>{@code
 * try (SaneScanner sane = SaneScanner.connect(new InetSocketAddress("127.0.0.1", 6566), Duration.ofSeconds(30));
 *      OpenSaneDevice scanner = sane.open(sane.devices().get(0).name())) {
 *     scanner.configure(SaneScanSettings.a4(300, Mode.GRAY, Source.FEEDER));
 *     scanner.acquireFeederBatch(page -> store(page));
 * }
 * }</pre>
 *
 * <p>saned must allow this machine in its {@code saned.conf}.
 */
public final class SaneScanner implements Closeable {

    private final SaneSession session;
    private final String address;

    private SaneScanner(SaneSession session, String address) {
        this.session = session;
        this.address = address;
    }

    /**
     * @param readTimeout how long one read may wait; a page at high resolution can take a minute
     */
    public static SaneScanner connect(InetSocketAddress saned, Duration readTimeout) throws ScannerException {
        String address = "saned at " + saned.getHostString() + ":" + saned.getPort();
        try {
            SaneSession session = SaneSession.withRemoteSane(saned, 5, TimeUnit.SECONDS, readTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            return new SaneScanner(session, address);
        } catch (IOException e) {
            throw new ScannerException("Could not connect to " + address + ": " + e.getMessage() + ". Check that saned"
                    + " runs there (systemctl status saned.socket) and allows this machine in saned.conf.", e);
        }
    }

    /** The scanners saned can see now. */
    public List<SaneDeviceInfo> devices() throws ScannerException {
        try {
            List<SaneDeviceInfo> devices = new ArrayList<>();
            for (SaneDevice device : session.listDevices()) {
                devices.add(new SaneDeviceInfo(device.getName(), device.getVendor(), device.getModel(), device.getType()));
            }
            return devices;
        } catch (IOException e) {
            throw new ScannerException("Lost the connection to " + address + " while listing scanners: " + e.getMessage(), e);
        } catch (SaneException e) {
            throw SaneFailure.of(e, address + " (listing scanners)", 0);
        }
    }

    /** Opens a device by its SANE name (e.g. {@code fujitsu:fi-7160:12345}); close it after scanning. */
    public OpenSaneDevice open(String deviceName) throws ScannerException {
        String label = deviceName + " on " + address;
        try {
            SaneDevice device = session.getDevice(deviceName);
            device.open();
            return new OpenSaneDevice(device, label);
        } catch (IOException e) {
            throw new ScannerException("Could not open " + label + ": " + e.getMessage(), e);
        } catch (SaneException e) {
            throw SaneFailure.of(e, label, 0);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            session.close();
        } catch (SocketException gone) {
            // a connection saned has already ended holds nothing left to release
        }
    }
}
