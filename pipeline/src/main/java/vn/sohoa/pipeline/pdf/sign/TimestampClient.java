package vn.sohoa.pipeline.pdf.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** Asks an RFC 3161 time-stamping authority over HTTP for a token on the SHA-256 of some bytes. */
public final class TimestampClient {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final URI authority;
    private final SecureRandom random = new SecureRandom();

    public TimestampClient(URI authority) {
        this.authority = authority;
    }

    public TimeStampToken timestamp(byte[] data) throws IOException {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, random));
        byte[] encoded = request.getEncoded();

        HttpURLConnection connection = (HttpURLConnection) authority.toURL().openConnection();
        try {
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setDoOutput(true);
            connection.setRequestMethod("POST");
            connection.setRequestProperty("Content-Type", "application/timestamp-query");
            connection.setFixedLengthStreamingMode(encoded.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(encoded);
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException("the time-stamping authority " + authority + " answered HTTP " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                TimeStampResponse response = new TimeStampResponse(in);
                response.validate(request);
                TimeStampToken token = response.getTimeStampToken();
                if (token == null) {
                    throw new IOException("the time-stamping authority " + authority + " refused: status "
                            + response.getStatus() + " " + response.getStatusString());
                }
                return token;
            }
        } catch (TSPException e) {
            throw new IOException("the time-stamping authority " + authority + " sent an unusable answer: "
                    + e.getMessage(), e);
        } finally {
            connection.disconnect();
        }
    }
}
