package dev.gatehouse.benchmarks;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Walks round a benchmark's tokens or rows, one position per call; one per benchmark thread, so not thread-safe. */
@State(Scope.Thread)
public class Cursor {

    private int position;

    /** The next position in {@code [0, size)}, wrapping round. */
    int next(int size) {
        int current = position < size ? position : 0;
        position = current + 1 < size ? current + 1 : 0;
        return current;
    }
}
