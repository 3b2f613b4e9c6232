package vn.sohoa.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version written into the jar at build time, with the Java and Tesseract it runs on. */
public final class SohoaVersion implements IVersionProvider {

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = SohoaVersion.class.getResourceAsStream("/sohoa-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sohoa " + version(), "Java " + System.getProperty("java.version")};
    }
}
