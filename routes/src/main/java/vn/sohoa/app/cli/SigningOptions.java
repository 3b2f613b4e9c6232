package vn.sohoa.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import vn.sohoa.pipeline.DigitizerSettings;
import vn.sohoa.pipeline.pdf.sign.SignatureBox;
import vn.sohoa.pipeline.pdf.sign.SigningSettings;

/**
 * The office's digital signature on every PDF a command writes (PAdES): a PKCS#12 keystore, its password
 * from the environment (SOHOA_SIGN_PASSWORD, never on the command line), and how the signature shows.
 */
final class SigningOptions {

    static final String PASSWORD_VARIABLE = "SOHOA_SIGN_PASSWORD";

    @Option(names = "--sign-keystore", paramLabel = "FILE.p12",
            description = "Sign every PDF with this PKCS#12 keystore; its password is read from $" + PASSWORD_VARIABLE + ".")
    Path keystore;

    @Option(names = "--sign-alias", paramLabel = "ALIAS", description = "The key to sign with, when the keystore holds several.")
    String alias;

    @Option(names = "--sign-reason", paramLabel = "TEXT", description = "Reason shown in PDF readers (e.g. \"Sao y bản chính\").")
    String reason;

    @Option(names = "--sign-location", paramLabel = "TEXT", description = "Place shown in PDF readers.")
    String location;

    @Option(names = "--sign-visible", paramLabel = "PAGE", arity = "0..1", fallbackValue = "1",
            description = "A visible signature box at the bottom right of this page (default 1); invisible without it.")
    Integer visiblePage;

    @Option(names = "--tsa", paramLabel = "URL", description = "An RFC 3161 time-stamping authority to time-stamp the signature.")
    URI timestampAuthority;

    /**
     * The options that make a child {@code sohoa import} sign with {@code signing}; the password is not among
     * them (it would show in {@code ps}), the child reads it from {@value #PASSWORD_VARIABLE}.
     */
    static List<String> arguments(SigningSettings signing) {
        List<String> arguments = new ArrayList<>(List.of("--sign-keystore", signing.keystore().toAbsolutePath().toString()));
        if (signing.alias() != null) {
            arguments.addAll(List.of("--sign-alias", signing.alias()));
        }
        if (signing.reason() != null) {
            arguments.addAll(List.of("--sign-reason", signing.reason()));
        }
        if (signing.location() != null) {
            arguments.addAll(List.of("--sign-location", signing.location()));
        }
        SignatureBox box = signing.visible();
        if (box != null) {
            // the command line names only a page: a box elsewhere would be signed at the bottom right
            if (!box.equals(SignatureBox.bottomRight(box.page()))) {
                throw new IllegalArgumentException("a child import can only sign in the box at the bottom right, not " + box);
            }
            arguments.add("--sign-visible=" + box.page());
        }
        if (signing.timestampAuthority() != null) {
            arguments.addAll(List.of("--tsa", signing.timestampAuthority().toString()));
        }
        return arguments;
    }

    /** The settings with signing added when a keystore was given. */
    DigitizerSettings applyTo(DigitizerSettings settings) {
        return signing(System.getenv(PASSWORD_VARIABLE)).map(settings::withSigning).orElse(settings);
    }

    Optional<SigningSettings> signing(String password) {
        if (keystore == null) {
            return Optional.empty();
        }
        if (password == null) {
            throw new IllegalArgumentException("--sign-keystore needs the keystore's password in $" + PASSWORD_VARIABLE);
        }
        SigningSettings signing = new SigningSettings(keystore, password, alias, reason, location, timestampAuthority,
                visiblePage != null ? SignatureBox.bottomRight(visiblePage) : null);
        return Optional.of(signing);
    }
}
