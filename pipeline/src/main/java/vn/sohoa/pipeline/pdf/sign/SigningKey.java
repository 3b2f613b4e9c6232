package vn.sohoa.pipeline.pdf.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The office's private key and its certificate chain, signer's certificate first. */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The signer's name as people read it: the certificate subject's common name. */
    public String signerName() {
        String subject = certificate().getSubjectX500Principal().getName();
        try {
            for (Rdn rdn : new LdapName(subject).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            // fall through to the whole subject
        }
        return subject;
    }

    /** Loads the key from a PKCS#12 file; {@code alias} null takes the only (or first) key entry. */
    public static SigningKey fromPkcs12(Path keystore, String password, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, password.toCharArray());
            } catch (IOException e) {
                throw new IOException("cannot open the keystore " + keystore
                        + " (wrong password or not a PKCS#12 file?): " + e.getMessage(), e);
            }
            String chosen = alias;
            if (chosen == null) {
                chosen = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                        .orElseThrow(() -> new IOException("the keystore " + keystore + " holds no private key"));
            }
            if (!store.isKeyEntry(chosen)) {
                throw new IOException("the keystore " + keystore + " has no private key named '" + chosen
                        + "'; it has " + Collections.list(store.aliases()));
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password.toCharArray());
            Certificate[] chain = store.getCertificateChain(chosen);
            return new SigningKey(key, Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the signing key from " + keystore
                    + " (wrong password or not a PKCS#12 file?): " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
