package vn.sohoa.scanner.escl;

/** Where the paper lies: on the glass or in the automatic document feeder. */
public enum InputSource {
    PLATEN("Platen"),
    FEEDER("Feeder");

    private final String esclName;

    InputSource(String esclName) {
        this.esclName = esclName;
    }

    /** The value of {@code pwg:InputSource} in eSCL. */
    public String esclName() {
        return esclName;
    }
}
