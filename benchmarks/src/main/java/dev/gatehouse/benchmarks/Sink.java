package dev.gatehouse.benchmarks;

import java.util.function.Consumer;

/**
 * Keeps the last value it was given, outside JMH, so that the columns a measured call reads cannot be optimised away;
 * not thread-safe.
 */
final class Sink implements Consumer<Object> {

    private Object last;

    @Override
    public void accept(Object value) {
        last = value;
    }
}
