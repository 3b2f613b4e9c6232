package vn.sohoa.pipeline.pdf.sign;

import java.net.URI;
import java.nio.file.Path;

/**
 * How an office signs its electronic copies: the PKCS#12 keystore with its password (and the key's alias
 * when it holds several), the reason and place shown in readers, an optional RFC 3161 time-stamping
 * authority, and an optional visible box (null: an invisible signature).
 */
public record SigningSettings(Path keystore, String password, String alias, String reason, String location,
                              URI timestampAuthority, SignatureBox visible) {

    public SigningSettings {
        if (keystore == null || password == null) {
            throw new IllegalArgumentException("signing needs a PKCS#12 keystore and its password");
        }
    }

    public static SigningSettings invisible(Path keystore, String password) {
        return new SigningSettings(keystore, password, null, null, null, null, null);
    }

    public SigningSettings withTimestampAuthority(URI tsa) {
        return new SigningSettings(keystore, password, alias, reason, location, tsa, visible);
    }

    public SigningSettings withVisible(SignatureBox box) {
        return new SigningSettings(keystore, password, alias, reason, location, timestampAuthority, box);
    }

    public SigningSettings withReasonAndLocation(String reason, String location) {
        return new SigningSettings(keystore, password, alias, reason, location, timestampAuthority, visible);
    }
}
