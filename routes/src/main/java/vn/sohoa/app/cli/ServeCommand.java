package vn.sohoa.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.sohoa.app.SohoaApplication;
import vn.sohoa.app.config.Role;
import vn.sohoa.app.config.ServiceBootstrap;

/**
 * {@code sohoa serve}: the service. With no configuration it starts an embedded PostgreSQL and AMQP broker
 * under SOHOA_HOME; SPRING_DATASOURCE_URL and SPRING_RABBITMQ_HOST point it at real ones instead.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = {"Chạy dịch vụ SoHoa: nhận tệp quét, số hóa, lưu hồ sơ, thông báo kết quả.",
                "Run the SoHoa service: watch SOHOA_HOME/inbox/<dossier-code>/, digitize through durable work",
                "queues, record in PostgreSQL, announce results on the sohoa.results exchange. Embedded PostgreSQL",
                "and broker unless SPRING_DATASOURCE_URL / SPRING_RABBITMQ_HOST are set; --role splits intake",
                "and workers over processes and machines."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (default: $SOHOA_HOME or ./sohoa-data).")
    Path home;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: $SOHOA_PORT or 8080).")
    Integer port;

    @Option(names = "--role", paramLabel = "ROLE", description = {
            "all (default, $SOHOA_ROLE): take scans in and digitize them, the one-PC shape;",
            "intake: watch the inbox and capture sources, store originals and queue them;",
            "worker: digitize what the work queues hold (sohoa.work.*), with others on other machines."})
    Role role;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        if (port != null) {
            properties.put("server.port", port);
        }
        if (role != null) {
            properties.put("sohoa.role", role.name().toLowerCase(java.util.Locale.ROOT));
        }
        ConfigurableApplicationContext context = start(home(), properties);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "sohoa-shutdown"));
        Thread.currentThread().join();
        return 0;
    }

    Path home() {
        if (home != null) {
            return home;
        }
        String env = System.getenv("SOHOA_HOME");
        return Path.of(env == null || env.isBlank() ? "sohoa-data" : env);
    }

    /**
     * Starts the embedded services that are needed, then the application; closing the context stops both.
     * {@code properties} are Spring properties given by the caller; where they name no database or broker,
     * the environment may (SPRING_DATASOURCE_URL, SPRING_RABBITMQ_HOST), and otherwise embedded ones start.
     */
    public static ConfigurableApplicationContext start(Path home, Map<String, Object> properties) {
        ServiceBootstrap services = ServiceBootstrap.start(home.toAbsolutePath(), key -> properties.containsKey(key)
                ? String.valueOf(properties.get(key)) : ServiceBootstrap.fromEnvironment(key));
        try {
            Map<String, Object> given = new HashMap<>(properties);
            given.putAll(services.properties());
            given.put("sohoa.home", home.toAbsolutePath().toString());
            SpringApplication application = new SpringApplication(SohoaApplication.class);
            // default properties are there when logging starts, before the initializers below run
            application.setDefaultProperties(vn.sohoa.app.config.LogFormat.properties(key -> properties.containsKey(key)
                    ? String.valueOf(properties.get(key)) : System.getenv(key)));
            // above application.properties: these are the caller's choices and what was just started
            application.addInitializers(context -> {
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sohoa-start", given));
                // the first to register is the last destroyed: the embedded database and broker stop only after
                // the routes, the work consumers and the publisher have finished what they had in hand
                ((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
                        .registerDisposableBean("sohoaEmbeddedServices", services::close);
            });
            return application.run();
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }
}
