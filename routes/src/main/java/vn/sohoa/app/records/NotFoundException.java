package vn.sohoa.app.records;

/** Something asked for by its code or id is not recorded. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
