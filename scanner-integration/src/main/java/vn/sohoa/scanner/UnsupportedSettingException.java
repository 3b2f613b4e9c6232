package vn.sohoa.scanner;

import java.util.List;

/** A scan setting (resolution, colour mode, source, format) that the device does not offer. */
public class UnsupportedSettingException extends ScannerException {

    public UnsupportedSettingException(String device, String setting, Object asked, List<?> offered) {
        super(device + " does not offer " + setting + " " + asked
                + (offered.isEmpty() ? "" : "; it offers " + offered)
                + ": choose one of those in the scanner profile.");
    }

    public UnsupportedSettingException(String message) {
        super(message);
    }
}
