package vn.sohoa.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The SoHoa service: inbox route, records, results publisher, HTTP API. Started by {@code sohoa serve}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SohoaApplication {
}
