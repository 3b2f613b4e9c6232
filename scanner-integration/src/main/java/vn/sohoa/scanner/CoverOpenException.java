package vn.sohoa.scanner;

/** A cover or the feeder door of the scanner is open. */
public class CoverOpenException extends ScannerException {

    public CoverOpenException(String device) {
        super("A cover or the feeder door of " + device + " is open: close it and scan again.");
    }
}
