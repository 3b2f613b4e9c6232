package vn.sohoa.scanner.sane;

/** A scanner that saned offers, as {@code scanimage -L} lists it. */
public record SaneDeviceInfo(String name, String vendor, String model, String type) {

    /** "vendor model (name)", for messages and pick lists. */
    public String label() {
        return vendor + " " + model + " (" + name + ")";
    }
}
