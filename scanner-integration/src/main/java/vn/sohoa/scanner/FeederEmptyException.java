package vn.sohoa.scanner;

/** The document feeder had no paper when a scan from it was asked for. */
public class FeederEmptyException extends ScannerException {

    public FeederEmptyException(String device) {
        super("The document feeder of " + device + " is empty: put the pages in the feeder and scan again.");
    }
}
