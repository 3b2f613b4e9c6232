package vn.sohoa.app.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.sohoa.pipeline.pdf.sign.SignatureBox;
import vn.sohoa.pipeline.pdf.sign.SigningSettings;

/**
 * {@code sohoa.signing.*}: the office's PAdES signature on every archive copy the service writes. Off unless
 * a keystore is set (SOHOA_SIGNING_KEYSTORE, SOHOA_SIGNING_PASSWORD, ...); {@code visible-page} 0 means an
 * invisible signature.
 */
@ConfigurationProperties("sohoa.signing")
public record SigningProperties(Path keystore, String password, String alias, String reason, String location,
                                URI tsaUrl, int visiblePage) {

    public Optional<SigningSettings> settings() {
        if (keystore == null) {
            return Optional.empty();
        }
        if (password == null) {
            throw new IllegalStateException("sohoa.signing.keystore is set but sohoa.signing.password is not");
        }
        return Optional.of(new SigningSettings(keystore, password, alias, reason, location, tsaUrl,
                visiblePage > 0 ? SignatureBox.bottomRight(visiblePage) : null));
    }
}
