package dev.hypersearch.api;

import dev.hypersearch.store.SearchChangedEvent;
import dev.hypersearch.store.SearchStatus;
import dev.hypersearch.store.TrialChangedEvent;
import jakarta.annotation.PreDestroy;
import org.springframework.context.SmartLifecycle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans in-process trial and search events out to the SSE subscribers of each search. Events are
 * published on worker threads (and, for other processes' workers, by store.RemoteChanges from PostgreSQL's
 * NOTIFY); sending happens on one fan-out thread instead, so a slow browser never holds up training, and
 * each stream still sees a search's status after the trial events before it. What goes out is formatted once
 * (JSON and SSE framing) and written to every subscriber as one piece: one write and flush per subscriber per
 * interval, however many trials changed, not a serialization and a flush per event and subscriber.
 */
@Component
public class SearchEventBroadcaster implements SmartLifecycle {

    /** Streams end after this long; EventSource reconnects by itself and gets the current status again. */
    static final long TIMEOUT_MILLIS = 30 * 60 * 1000L;

    private static final Logger log = LoggerFactory.getLogger(SearchEventBroadcaster.class);

    /** How often a search's buffered trial events go out, collapsed to the latest per trial. */
    static final long COALESCE_MILLIS = 250;

    /** How framed events are written: as they are, in UTF-8 (what SseEmitter uses for its own framing). */
    private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService fanOut = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-fan-out");
        t.setDaemon(true);
        return t;
    });
    /** Trial events per search since the last flush, latest per trial; touched on the fan-out thread only. */
    private final Map<Long, Map<Long, SearchEvents.TrialEvent>> pending = new HashMap<>();
    /** The MVC mapper, so that payloads read as the controllers' JSON does. */
    private final JsonMapper json;

    public SearchEventBroadcaster(JsonMapper json) {
        this.json = json;
        fanOut.scheduleWithFixedDelay(this::flushAll, COALESCE_MILLIS, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a stream and sends the current status first. Registration comes before the status is
     * read, and both happen under the subscriber's lock, so a change committed meanwhile is either in
     * the status read or delivered after it, never lost. A finished search's stream ends at once.
     */
    public SseEmitter subscribe(long searchId, Supplier<SearchStatus> currentStatus) {
        Subscriber s = new Subscriber(searchId, new SseEmitter(TIMEOUT_MILLIS));
        s.emitter.onCompletion(() -> remove(s));
        s.emitter.onTimeout(() -> remove(s));
        s.emitter.onError(e -> remove(s));
        synchronized (s) {
            subscribers.computeIfAbsent(searchId, k -> ConcurrentHashMap.newKeySet()).add(s);
            SearchStatus status = currentStatus.get();
            s.send(searchEvent(new SearchEvents.SearchEvent(searchId, status)));
            if (status.isFinished()) {
                end(s);
            }
        }
        return s.emitter;
    }

    /**
     * Buffers the event: every {@value #COALESCE_MILLIS} ms each search's trial events go out once, the latest
     * per trial, to all its subscribers, so thousands of trial changes a second cost one send per trial and
     * interval, not one per change, whatever the number of viewers (the page refreshes from them at most every
     * interval anyway). A search's later status event flushes its buffered trial events first.
     */
    @EventListener
    public void onTrial(TrialChangedEvent e) {
        if (!subscribers.containsKey(e.searchId())) {
            return;
        }
        SearchEvents.TrialEvent event = SearchEvents.TrialEvent.of(e);
        fanOut.execute(() -> pending.computeIfAbsent(e.searchId(), k -> new LinkedHashMap<>())
                .merge(e.trialId(), event, SearchEventBroadcaster::later));
    }

    /** The later of two events of one trial; an end is never replaced by an epoch reported before it. */
    private static SearchEvents.TrialEvent later(SearchEvents.TrialEvent before, SearchEvents.TrialEvent after) {
        return before.status().isTerminal() && after.epoch() != null ? before : after;
    }

    @EventListener
    public void onSearch(SearchChangedEvent e) {
        Set<DataWithMediaType> event = searchEvent(SearchEvents.SearchEvent.of(e));
        fanOut.execute(() -> {
            flush(e.searchId());
            deliver(e.searchId(), event, e.status().isFinished());
        });
    }

    private void flushAll() {
        try {
            for (Long id : List.copyOf(pending.keySet())) {
                flush(id);
            }
        } catch (RuntimeException ex) {
            log.warn("SSE flush failed: {}", ex.toString()); // keeps the schedule alive
        }
    }

    private void flush(long searchId) {
        Map<Long, SearchEvents.TrialEvent> events = pending.remove(searchId);
        if (events == null) {
            return;
        }
        StringBuilder batch = new StringBuilder(events.size() * 110);
        for (SearchEvents.TrialEvent t : events.values()) {
            appendEvent(batch, SearchEvents.TRIAL, t);
        }
        deliver(searchId, text(batch), false);
    }

    /** A comment line every 15 s keeps proxies and load balancers from closing idle streams. */
    @Scheduled(fixedRate = 15_000, initialDelay = 15_000)
    public void heartbeat() {
        Set<DataWithMediaType> beat = text(new StringBuilder(":heartbeat\n\n"));
        fanOut.execute(() -> subscribers.keySet().forEach(id -> deliver(id, beat, false)));
    }

    int subscriberCount(long searchId) {
        Set<Subscriber> set = subscribers.get(searchId);
        return set == null ? 0 : set.size();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream before the web server shuts down (this lifecycle's phase is later than the
     * server's, so it stops first); otherwise Tomcat waits for the open async requests to time out.
     */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(set -> set.forEach(Subscriber::complete));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        fanOut.shutdownNow();
        subscribers.values().forEach(set -> set.forEach(Subscriber::complete));
    }

    private void deliver(long searchId, Set<DataWithMediaType> event, boolean last) {
        Set<Subscriber> set = subscribers.get(searchId);
        if (set == null) {
            return;
        }
        for (Subscriber s : set) {
            synchronized (s) {
                if (!s.send(event)) {
                    remove(s);
                } else if (last) {
                    end(s);
                }
            }
        }
    }

    /** Ends a stream; unregistered at once rather than when the container reports completion. */
    private void end(Subscriber s) {
        remove(s);
        s.complete();
    }

    private void remove(Subscriber s) {
        subscribers.computeIfPresent(s.searchId, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }

    private Set<DataWithMediaType> searchEvent(SearchEvents.SearchEvent e) {
        return text(appendEvent(new StringBuilder(80), SearchEvents.SEARCH, e));
    }

    /** One event as SseEmitter frames it: {@code event:<name>}, {@code data:<json>} (one line), a blank line. */
    private StringBuilder appendEvent(StringBuilder out, String name, Object data) {
        return out.append("event:").append(name).append("\ndata:").append(json.writeValueAsString(data))
                .append("\n\n");
    }

    /** Framed events as one piece the emitter writes as is (UTF-8), shared by every subscriber. */
    private static Set<DataWithMediaType> text(CharSequence framed) {
        return Set.of(new DataWithMediaType(framed.toString(), UTF8_TEXT));
    }

    private static final class Subscriber {

        final long searchId;
        final SseEmitter emitter;

        Subscriber(long searchId, SseEmitter emitter) {
            this.searchId = searchId;
            this.emitter = emitter;
        }

        /** False when the client is gone; the container then completes the request by itself. */
        boolean send(Set<DataWithMediaType> event) {
            try {
                emitter.send(event);
                return true;
            } catch (IOException | IllegalStateException e) {
                log.debug("SSE subscriber of search {} gone: {}", searchId, e.toString());
                return false;
            }
        }

        void complete() {
            try {
                emitter.complete();
            } catch (IllegalStateException ignored) {
                // already completed
            }
        }
    }
}
