package vn.sohoa.scanner.sane;

import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneStatus;
import vn.sohoa.scanner.CoverOpenException;
import vn.sohoa.scanner.FeederEmptyException;
import vn.sohoa.scanner.PaperJamException;
import vn.sohoa.scanner.ScannerBusyException;
import vn.sohoa.scanner.ScannerException;
import vn.sohoa.scanner.UnsupportedSettingException;

/** Turns a SANE status into the scanner exception a person can act on. */
final class SaneFailure {

    private SaneFailure() {
    }

    static ScannerException of(SaneException e, String device, int pagesScanned) {
        SaneStatus status = e.getStatus();
        ScannerException failure;
        if (status == null) {
            failure = new ScannerException(device + " failed: " + e.getMessage());
        } else {
            failure = switch (status) {
                case STATUS_NO_DOCS -> new FeederEmptyException(device);
                case STATUS_JAMMED -> new PaperJamException(device, pagesScanned);
                case STATUS_DEVICE_BUSY -> new ScannerBusyException(device);
                case STATUS_COVER_OPEN -> new CoverOpenException(device);
                case STATUS_UNSUPPORTED, STATUS_INVAL -> new UnsupportedSettingException(device + " refused the"
                        + " request (" + status + "): choose other settings in the scanner profile.");
                case STATUS_ACCESS_DENIED -> new ScannerException("Access to " + device + " was denied: allow this"
                        + " machine in saned.conf, or give the user for the device in saned.users.");
                case STATUS_IO_ERROR -> new ScannerException(device + " had an input/output error: check its cable"
                        + " or network connection and that it is switched on, then scan again.");
                default -> new ScannerException(device + " failed with " + status + ".");
            };
        }
        failure.initCause(e);
        return failure;
    }
}
