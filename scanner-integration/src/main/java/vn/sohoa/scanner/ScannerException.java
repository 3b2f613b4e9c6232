package vn.sohoa.scanner;

/**
 * A scanner could not do what was asked. The message says what happened on which device and what
 * the person at the scanner can do about it; subclasses name the cases a caller may want to handle
 * differently (ask for paper, ask to clear a jam, retry later, pick another setting).
 */
public class ScannerException extends Exception {

    public ScannerException(String message) {
        super(message);
    }

    public ScannerException(String message, Throwable cause) {
        super(message, cause);
    }
}
