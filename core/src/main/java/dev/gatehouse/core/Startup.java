package dev.gatehouse.core;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a Gatehouse under construction has started (its background threads), so that a build failing after them
 * stops them again, newest first, instead of leaving them running with nobody to close them. Not thread-safe: one
 * build uses it.
 */
final class Startup {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Takes note of {@code resource}, just started, and returns it. */
    <T extends AutoCloseable> T started(T resource) {
        started.push(resource);
        return resource;
    }

    /** Closes everything started so far, newest first, adding any failure to close to {@code failure}. */
    void abort(Throwable failure) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
