// SPDX-License-Identifier: Apache-2.0
package org.baobab.opening.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.baobab.opening.SessionEvents;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The watchers of each process's live opening page: server-sent events saying "changed" after each committed change
 * (a session started, a member came, shares released, a bid read); the page then reloads its content. Holds nothing
 * but the open connections.
 */
@Component
class OpeningLive {

    private static final long TIMEOUT = Duration.ofHours(2).toMillis();

    private final Map<String, List<SseEmitter>> watchers = new ConcurrentHashMap<>();

    SseEmitter watch(String ocid) {
        SseEmitter emitter = new SseEmitter(TIMEOUT);
        List<SseEmitter> list = watchers.computeIfAbsent(ocid, o -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("hello").data(ocid));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /**
     * The application stops: every stream ends now, so that the web server's graceful shutdown has no open request to
     * wait for (a stream lasts hours); the pages' EventSource reconnects to whichever node answers next.
     */
    @EventListener(ContextClosedEvent.class)
    void endAll() {
        watchers.values().forEach(list -> list.forEach(SseEmitter::complete));
        watchers.clear();
    }

    @TransactionalEventListener
    void on(SessionEvents.Changed changed) {
        List<SseEmitter> list = watchers.getOrDefault(changed.ocid(), List.of());
        for (SseEmitter emitter : list) {
            try {
                emitter.send(SseEmitter.event().name("changed").data(changed.ocid()));
            } catch (IOException | IllegalStateException e) {
                list.remove(emitter);
            }
        }
    }
}
