package vn.sohoa.app.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.sohoa.app.records.AgencyScope;

/**
 * A small in-process publisher of what happens to a dossier's files (received, digitized, failed), for
 * the reception page's server-sent events. Nothing is kept: a page that is not listening misses nothing it
 * cannot read again from the dossier. Each event goes only to listeners whose agency scope holds the
 * dossier at that moment; a heartbeat comment finds the listeners whose client is gone, and the number of
 * listeners is bounded per account and overall.
 */
@Component
public class ProcessingEvents {

    public record Event(String dossierCode, String file, String state, String documentId, String detail) {
    }

    /** More listeners than allowed, for the account or for the whole service. */
    public static class TooManyListenersException extends RuntimeException {
        TooManyListenersException(String message) {
            super(message);
        }
    }

    private record Listener(SseEmitter emitter, String dossierCode, String username, AgencyScope scope) {
    }

    private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final ScopeGuard guard;
    private final int maxPerUser;
    private final int maxTotal;
    private final long timeoutMillis;
    private final ScheduledExecutorService heartbeat;

    public ProcessingEvents(ScopeGuard guard,
                            @Value("${sohoa.events.max-per-user:10}") int maxPerUser,
                            @Value("${sohoa.events.max-listeners:1000}") int maxTotal,
                            @Value("${sohoa.events.timeout:30m}") Duration timeout,
                            @Value("${sohoa.events.heartbeat:15s}") Duration heartbeatEvery) {
        this.guard = guard;
        this.maxPerUser = maxPerUser;
        this.maxTotal = maxTotal;
        this.timeoutMillis = timeout.toMillis();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sse-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * A stream of the dossier's events for an account whose scope holds it now (the caller checks that);
     * refused past the limits.
     */
    public SseEmitter listen(String dossierCode, String username, AgencyScope scope) {
        boolean[] allowed = {true};
        perUser.compute(username, (name, count) -> {
            int now = count == null ? 0 : count;
            allowed[0] = now < maxPerUser;
            return allowed[0] ? now + 1 : count;
        });
        if (!allowed[0]) {
            throw new TooManyListenersException("at most " + maxPerUser + " event streams per account");
        }
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            release(username);
            throw new TooManyListenersException("at most " + maxTotal + " event streams in all");
        }
        Listener listener = new Listener(new SseEmitter(timeoutMillis), dossierCode, username, scope);
        listeners.compute(dossierCode, (code, list) -> {
            List<Listener> present = list == null ? new CopyOnWriteArrayList<>() : list;
            present.add(listener);
            return present;
        });
        SseEmitter emitter = listener.emitter();
        emitter.onCompletion(() -> remove(listener));
        emitter.onTimeout(() -> {
            remove(listener);
            emitter.complete();
        });
        emitter.onError(e -> remove(listener));
        send(listener, SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
        return emitter;
    }

    public void publish(Event event) {
        Map<AgencyScope, Boolean> within = new HashMap<>();
        for (Listener listener : listeners.getOrDefault(event.dossierCode(), List.of())) {
            // the dossier may have moved to another agency since the listener subscribed
            if (within.computeIfAbsent(listener.scope(), s -> guard.dossierWithin(event.dossierCode(), s))) {
                send(listener, SseEmitter.event().name("file").data(event, MediaType.APPLICATION_JSON));
            } else {
                remove(listener);
                listener.emitter().complete();
            }
        }
    }

    /** How many streams are open now, over all dossiers. */
    public int listenerCount() {
        return total.get();
    }

    /** How many dossier codes have at least one listener (no key stays for a dossier nobody listens to). */
    public int dossierCount() {
        return listeners.size();
    }

    private void beat() {
        for (List<Listener> list : listeners.values()) {
            for (Listener listener : list) {
                send(listener, SseEmitter.event().comment("heartbeat"));
            }
        }
    }

    private void send(Listener listener, SseEmitter.SseEventBuilder event) {
        try {
            listener.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            // the client is gone (or the stream already ended): forget it and end the stream on our side
            remove(listener);
            listener.emitter().completeWithError(e);
        }
    }

    private void remove(Listener listener) {
        boolean[] removed = {false};
        listeners.computeIfPresent(listener.dossierCode(), (code, list) -> {
            removed[0] = list.remove(listener);
            return list.isEmpty() ? null : list;
        });
        if (removed[0]) {
            total.decrementAndGet();
            release(listener.username());
        }
    }

    private void release(String username) {
        perUser.computeIfPresent(username, (name, count) -> count <= 1 ? null : count - 1);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        listeners.values().forEach(list -> list.forEach(listener -> listener.emitter().complete()));
    }
}
