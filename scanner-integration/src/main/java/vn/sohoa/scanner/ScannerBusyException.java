package vn.sohoa.scanner;

/** The scanner is working for someone else (or has not finished the previous job). */
public class ScannerBusyException extends ScannerException {

    public ScannerBusyException(String device) {
        super(device + " is busy with another scan: wait until it finishes (or cancel it on the device) and try again.");
    }
}
