package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import vn.sohoa.app.Await;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.web.ProcessingEvents;

/**
 * Attacks on the web edges over real HTTP: signing in as the first administrator the moment the port answers;
 * reading the metrics, info and health details anonymously or with a role that is not for monitoring; a
 * monitoring account reaching the API, and an agency administrator creating one; subscribing to another
 * agency's dossier's events, or to a code another agency then creates; keeping a stream after its dossier moved
 * to another agency; leaving streams behind by going away; opening streams without end.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAttackEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "mat-khau-8-ky-tu";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int STREAMS_PER_ACCOUNT = 3;

    private MachineServices services;
    private ConfigurableApplicationContext context;
    private int port;
    private String base;
    private int firstStatus;
    private ApiCaller admin;

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        services = new MachineServices();
        port = freePort();
        Map<String, Object> properties = services.properties();
        properties.put("server.port", port);
        // a gone client is noticed at the next heartbeat that fails
        properties.put("sohoa.events.heartbeat", "200ms");
        properties.put("sohoa.events.max-per-user", STREAMS_PER_ACCOUNT);
        CompletableFuture<ConfigurableApplicationContext> starting =
                CompletableFuture.supplyAsync(() -> ServeCommand.start(home, properties));
        // the very first connection the port takes carries the sign-in, so that a late first administrator shows
        firstStatus = firstRequestOnceListening(starting);
        context = starting.get(5, TimeUnit.MINUTES);
        base = "http://127.0.0.1:" + port;
        admin = ApiCaller.basic(base, MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD);

        assertThat(admin.put("/api/agencies/T44", "{\"name\":\"Tỉnh Quảng Bình\",\"level\":\"province\"}").statusCode()).isEqualTo(200);
        assertThat(admin.put("/api/agencies/H450", "{\"name\":\"UBND huyện Tuyên Hóa\",\"level\":\"district\",\"parentCode\":\"T44\"}").statusCode()).isEqualTo(200);
        assertThat(admin.put("/api/agencies/H451", "{\"name\":\"UBND huyện Minh Hóa\",\"level\":\"district\",\"parentCode\":\"T44\"}").statusCode()).isEqualTo(200);
        account("tiepnhan450", "TIEP_NHAN", "H450");
        account("tiepnhan451", "TIEP_NHAN", "H451");
        account("quantri451", "QUAN_TRI", "H451");
    }

    @AfterAll
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theFirstAdministratorSignsInTheMomentThePortAnswers() throws Exception {
        assertThat(firstStatus).as("the first request on the port, as the first administrator").isEqualTo(200);
        assertThat(admin.get("/api/me").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsInfoAndHealthDetailsNeedTheMonitoringOrAdministratorRole() throws Exception {
        ApiCaller anonymous = ApiCaller.anonymous(base);
        ApiCaller officer = ApiCaller.basic(base, "tiepnhan450", PASSWORD);
        ApiCaller agencyAdmin = ApiCaller.basic(base, "quantri451", PASSWORD);

        // an agency administrator may not hand out system-wide metrics, with or without an agency
        assertThat(agencyAdmin.post("/api/accounts", "{\"username\":\"giamsat-x\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"GIAM_SAT\"}").statusCode()).isEqualTo(403);
        assertThat(agencyAdmin.post("/api/accounts", "{\"username\":\"giamsat-y\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"GIAM_SAT\",\"agencyCode\":\"H451\"}").statusCode()).isEqualTo(403);
        HttpResponseBody withAgency = HttpResponseBody.of(admin.post("/api/accounts", "{\"username\":\"giamsat-z\",\"password\":\""
                + PASSWORD + "\",\"role\":\"GIAM_SAT\",\"agencyCode\":\"H450\"}"));
        assertThat(withAgency.status()).as(withAgency.body()).isEqualTo(400);
        assertThat(withAgency.body()).contains("no agency");
        assertThat(admin.post("/api/accounts", "{\"username\":\"giamsat\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"GIAM_SAT\"}").statusCode()).isEqualTo(201);
        // a scraper with a token and no password
        assertThat(admin.post("/api/accounts", "{\"username\":\"prometheus\",\"role\":\"GIAM_SAT\"}").statusCode()).isEqualTo(201);
        String token = JSON.readTree(admin.post("/api/accounts/prometheus/tokens", "{\"name\":\"prometheus\"}").body())
                .get("token").asText();
        ApiCaller monitor = ApiCaller.basic(base, "giamsat", PASSWORD);
        ApiCaller scraper = ApiCaller.bearer(base, token);

        for (String path : List.of("/actuator/prometheus", "/actuator/info")) {
            assertThat(anonymous.get(path).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(officer.get(path).statusCode()).as("officer " + path).isEqualTo(403);
            assertThat(monitor.get(path).statusCode()).as("monitor " + path).isEqualTo(200);
            assertThat(admin.get(path).statusCode()).as("admin " + path).isEqualTo(200);
        }
        assertThat(scraper.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(monitor.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        for (String path : List.of("/api/search?q=ho", "/api/me", "/api/dossiers/H450-2026-0001", "/api/review/queue",
                "/api/accounts")) {
            assertThat(monitor.get(path).statusCode()).as("monitor " + path).isEqualTo(403);
            assertThat(scraper.get(path).statusCode()).as("scraper " + path).isEqualTo(403);
        }
        assertThat(monitor.put("/api/dossiers/H450-2026-0009", "{}").statusCode()).isEqualTo(403);

        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            JsonNode anonymousHealth = JSON.readTree(anonymous.get(path).body());
            assertThat(anonymousHealth.get("status").asText()).as(path).isEqualTo("UP");
            assertThat(anonymousHealth.has("components")).as("anonymous " + path + ": " + anonymousHealth).isFalse();
            assertThat(anonymousHealth.has("details")).as("anonymous " + path + ": " + anonymousHealth).isFalse();
            JsonNode officerHealth = JSON.readTree(officer.get(path).body());
            assertThat(officerHealth.has("components")).as("officer " + path + ": " + officerHealth).isFalse();
        }
        JsonNode adminHealth = JSON.readTree(admin.get("/actuator/health").body());
        assertThat(adminHealth.get("components").get("db").get("details").get("database").asText()).isEqualTo("PostgreSQL");
        JsonNode monitorReadiness = JSON.readTree(monitor.get("/actuator/health/readiness").body());
        assertThat(monitorReadiness.get("components").has("db")).as(monitorReadiness.toString()).isTrue();
        assertThat(monitorReadiness.get("components").has("rabbit")).as(monitorReadiness.toString()).isTrue();
        // other actuator endpoints stay the administrator's
        assertThat(monitor.get("/actuator/health/db").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/env").statusCode()).isEqualTo(401);
    }

    @Test
    void eventsReachOnlyTheAgencyThatHoldsTheDossierAndStreamsDoNotOutliveTheirClients() throws Exception {
        ProcessingEvents events = context.getBean(ProcessingEvents.class);
        ApiCaller officer450 = ApiCaller.basic(base, "tiepnhan450", PASSWORD);
        String own451 = "H451-2026-0001";
        String existing450 = "H450-2026-0100";
        String later450 = "H450-2026-0200";
        assertThat(admin.put("/api/dossiers/" + own451, "{\"agencyCode\":\"H451\"}").statusCode()).isEqualTo(200);
        assertThat(admin.put("/api/dossiers/" + existing450, "{\"agencyCode\":\"H450\"}").statusCode()).isEqualTo(200);

        // another agency's dossier and one that does not exist get the same answer
        EventStream other = EventStream.open(port, "tiepnhan451", existing450);
        EventStream unknown = EventStream.open(port, "tiepnhan451", "H450-2026-0999");
        assertThat(other.status).isEqualTo(404);
        assertThat(unknown.status).isEqualTo(404);
        assertThat(other.rest().replace(existing450, "X")).isEqualTo(unknown.rest().replace("H450-2026-0999", "X"));
        // a code nobody has yet: no stream, so nothing of what another agency then makes of it
        EventStream early = EventStream.open(port, "tiepnhan451", later450);
        assertThat(early.status).isEqualTo(404);
        assertThat(early.rest()).doesNotContain("event:file");

        assertThat(officer450.put("/api/dossiers/" + later450, "{}").statusCode()).isEqualTo(200);
        EventStream late = EventStream.open(port, "tiepnhan451", later450);
        assertThat(late.status).as("still another agency's").isEqualTo(404);
        EventStream watcher451 = EventStream.open(port, "tiepnhan451", own451);
        EventStream watcher450 = EventStream.open(port, "tiepnhan450", later450);
        assertThat(watcher451.status).isEqualTo(200);
        assertThat(watcher450.status).isEqualTo(200);
        assertThat(events.listenerCount()).isEqualTo(2);

        assertThat(officer450.upload("/api/dossiers/" + later450 + "/files",
                SharedCorpus.file("real-scans/vietsample2.png")).statusCode()).isEqualTo(201);
        String done = watcher450.awaitLine(l -> l.contains("\"state\":\"done\""), TIMEOUT);
        assertThat(done).contains(later450).contains("vietsample2.png");
        // the events were sent before the upload answered; a moment more for any straggler
        List<String> seen451 = watcher451.linesWithin(Duration.ofSeconds(1));
        assertThat(seen451).noneMatch(l -> l.contains(later450) || l.contains("vietsample2"));
        assertThat(seen451).noneMatch(l -> l.startsWith("event:file"));

        // the dossier moves to H451: H450's stream gets no more of it and ends
        assertThat(admin.put("/api/dossiers/" + later450, "{\"agencyCode\":\"H451\"}").statusCode()).isEqualTo(200);
        assertThat(admin.upload("/api/dossiers/" + later450 + "/files",
                SharedCorpus.file("real-scans/vietsample2.png")).statusCode()).isIn(200, 201);
        List<String> after = watcher450.untilEnd(TIMEOUT);
        assertThat(after).noneMatch(l -> l.contains(later450));
        Await.until("the stream of the moved dossier is let go", TIMEOUT, () -> events.listenerCount() == 1);

        // one account opens only so many streams at once
        List<EventStream> many = new ArrayList<>();
        for (int i = 0; i < STREAMS_PER_ACCOUNT - 1; i++) {
            many.add(EventStream.open(port, "tiepnhan451", own451));
        }
        assertThat(many).allSatisfy(s -> assertThat(s.status).isEqualTo(200));
        EventStream oneTooMany = EventStream.open(port, "tiepnhan451", own451);
        assertThat(oneTooMany.status).isEqualTo(429);
        EventStream otherAccount = EventStream.open(port, "tiepnhan450", existing450);
        assertThat(otherAccount.status).as("another account is not held back").isEqualTo(200);

        // clients that go away without a word are forgotten, and their dossiers' entries with them
        watcher451.close();
        many.forEach(EventStream::close);
        Await.until("only the H450 officer's stream is left", TIMEOUT, () -> events.listenerCount() == 1);
        otherAccount.close();
        Await.until("every stream is let go", TIMEOUT, () -> events.listenerCount() == 0 && events.dossierCount() == 0);
        EventStream again = EventStream.open(port, "tiepnhan451", own451);
        assertThat(again.status).as("the closed streams no longer count").isEqualTo(200);
        again.close();
        Await.until("the last stream is let go", TIMEOUT, () -> events.listenerCount() == 0);
    }

    private void account(String username, String role, String agency) throws Exception {
        assertThat(admin.post("/api/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"" + role + "\",\"agencyCode\":\"" + agency + "\"}").statusCode()).isEqualTo(201);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Connects again and again until the port takes a connection, and signs in on that very connection. */
    private int firstRequestOnceListening(CompletableFuture<?> starting) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (IOException refused) {
                socket.close();
                if (starting.isDone()) {
                    starting.get();
                    throw new AssertionError("the service started and its port never took a connection");
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the port never took a connection");
                }
                // a refused connection is cheap: try again almost at once, so the first moment is not missed
                Thread.sleep(2);
                continue;
            }
            try (socket) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/me HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: "
                        + basic(MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD)
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                return Integer.parseInt(statusLine.split(" ")[1]);
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A status and a body, for assertions that name the body when the status is wrong. */
    private record HttpResponseBody(int status, String body) {
        static HttpResponseBody of(HttpResponse<String> response) {
            return new HttpResponseBody(response.statusCode(), response.body());
        }
    }

    /**
     * A dossier's event stream read over a plain socket, line by line on a thread of its own, so that the test
     * can wait for a line with a deadline and close the connection as a client that goes away does.
     */
    private static final class EventStream implements AutoCloseable {

        private static final String END = "\u0000end";

        final int status;
        private final Socket socket;
        private final BufferedReader reader;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private EventStream(Socket socket, BufferedReader reader, int status) {
            this.socket = socket;
            this.reader = reader;
            this.status = status;
        }

        static EventStream open(int port, String username, String dossier) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET /api/dossiers/" + dossier + "/events HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\nAuthorization: " + basic(username, PASSWORD)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int status = Integer.parseInt(reader.readLine().split(" ")[1]);
            String header;
            do {
                header = reader.readLine();
            } while (header != null && !header.isEmpty());
            socket.setSoTimeout(0);
            EventStream stream = new EventStream(socket, reader, status);
            Thread thread = new Thread(stream::read, "event-stream-" + username);
            thread.setDaemon(true);
            thread.start();
            return stream;
        }

        private void read() {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // closed by the test
            }
            lines.add(END);
        }

        /** Everything until the server ends the response (for a refusal: its body). */
        String rest() throws InterruptedException {
            return String.join("\n", untilEnd(Duration.ofSeconds(30)));
        }

        List<String> untilEnd(Duration timeout) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                String line = lines.poll(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
                if (line == null) {
                    throw new AssertionError("the stream did not end; it gave " + seen);
                }
                if (line.equals(END)) {
                    return seen;
                }
                seen.add(line);
            }
        }

        String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                String line = lines.poll(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
                if (line == null || line.equals(END)) {
                    throw new AssertionError("no such line; the stream gave " + seen);
                }
                if (wanted.test(line)) {
                    return line;
                }
                seen.add(line);
            }
        }

        /** The lines that arrive within the time given; a short read, to show that something did not come. */
        List<String> linesWithin(Duration time) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            Instant deadline = Instant.now().plus(time);
            for (String line; (line = lines.poll(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                    TimeUnit.MILLISECONDS)) != null; ) {
                seen.add(line);
                if (Instant.now().isAfter(deadline)) {
                    break;
                }
            }
            return seen;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
