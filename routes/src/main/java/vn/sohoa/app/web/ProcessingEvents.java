package vn.sohoa.app.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A small in-process publisher of what happens to a dossier's files (received, digitized, failed), for
 * the reception page's server-sent events. Nothing is kept: a page that is not listening misses nothing it
 * cannot read again from the dossier.
 */
@Component
public class ProcessingEvents {

    public record Event(String dossierCode, String file, String state, String documentId, String detail) {
    }

    private final Map<String, List<SseEmitter>> listeners = new ConcurrentHashMap<>();

    public SseEmitter listen(String dossierCode) {
        SseEmitter emitter = new SseEmitter(30 * 60 * 1000L);
        List<SseEmitter> list = listeners.computeIfAbsent(dossierCode, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    public void publish(Event event) {
        for (SseEmitter emitter : listeners.getOrDefault(event.dossierCode(), List.of())) {
            try {
                emitter.send(SseEmitter.event().name("file").data(event, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                listeners.getOrDefault(event.dossierCode(), List.of()).remove(emitter);
            }
        }
    }
}
