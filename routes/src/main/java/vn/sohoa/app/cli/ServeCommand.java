package vn.sohoa.app.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.sohoa.app.SohoaApplication;
import vn.sohoa.app.config.ServiceBootstrap;

/**
 * {@code sohoa serve}: the service. With no configuration it starts an embedded PostgreSQL and AMQP broker
 * under SOHOA_HOME; SPRING_DATASOURCE_URL and SPRING_RABBITMQ_HOST point it at real ones instead.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = SohoaVersion.class,
        description = {"Run the SoHoa service: watch SOHOA_HOME/inbox/<dossier-code>/, digitize, record in PostgreSQL,",
                "announce results on the sohoa.results exchange. Embedded PostgreSQL and broker unless",
                "SPRING_DATASOURCE_URL / SPRING_RABBITMQ_HOST are set."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (default: $SOHOA_HOME or ./sohoa-data).")
    Path home;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: $SOHOA_PORT or 8080).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        ConfigurableApplicationContext context = start(home(), port);
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

    /** Starts the embedded services that are needed, then the application; closing the context stops both. */
    public static ConfigurableApplicationContext start(Path home, Integer port, String... args) {
        ServiceBootstrap services = ServiceBootstrap.start(home.toAbsolutePath(), ServiceBootstrap::fromEnvironment);
        try {
            Map<String, Object> defaults = new HashMap<>(services.properties());
            defaults.put("sohoa.home", home.toAbsolutePath().toString());
            if (port != null) {
                defaults.put("server.port", port);
            }
            SpringApplication application = new SpringApplication(SohoaApplication.class);
            application.setDefaultProperties(defaults);
            ConfigurableApplicationContext context = application.run(args);
            context.addApplicationListener(event -> {
                if (event instanceof org.springframework.context.event.ContextClosedEvent) {
                    services.close();
                }
            });
            return context;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }
}
