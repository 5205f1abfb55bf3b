package dev.gatehouse.launcher;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources one command opened, closed in the reverse order of opening, so that what was started last (the
 * HTTP server) stops first and the store it relies on closes last. Thread-safe.
 */
final class Resources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private record Named(String name, AutoCloseable resource) {
    }

    private final Deque<Named> open = new ArrayDeque<>();

    /** Takes charge of closing {@code resource}, which {@code name} describes in log lines; returns it. */
    synchronized <T extends AutoCloseable> T register(String name, T resource) {
        open.push(new Named(name, resource));
        return resource;
    }

    /** Closes every registered resource, newest first; a failure is logged and the rest are still closed. */
    @Override
    public synchronized void close() {
        while (!open.isEmpty()) {
            Named next = open.pop();
            try {
                next.resource().close();
                LOG.debug("Closed {}", next.name());
            } catch (Exception | LinkageError e) {
                // A LinkageError too (a class gone from a jar rewritten under the process) must not stop the rest
                // from closing: the store's final flush comes after the HTTP server's stop.
                LOG.warn("Closing {} failed", next.name(), e);
            }
        }
    }
}
