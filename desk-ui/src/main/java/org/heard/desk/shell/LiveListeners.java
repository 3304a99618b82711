package org.heard.desk.shell;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open pages listening to one live source on this instance (new mentions, reply outcomes,
 * channel reports): a page registers when it attaches and unregisters when it detaches, and one
 * page that fails never keeps the news from the others.
 */
public final class LiveListeners<T> {

    private static final Logger log = LoggerFactory.getLogger(LiveListeners.class);

    private final String listening;
    private final Set<Consumer<T>> listeners = new CopyOnWriteArraySet<>();

    /** @param listening who listens, for the log when one fails, e.g. "conversation" */
    public LiveListeners(String listening) {
        this.listening = listening;
    }

    /** Registers a listener; run the returned handle to unregister it. */
    public Runnable add(Consumer<T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void tell(T news) {
        for (var listener : listeners) {
            try {
                listener.accept(news);
            } catch (RuntimeException e) {
                log.warn("A {} listener failed", listening, e);
            }
        }
    }
}
