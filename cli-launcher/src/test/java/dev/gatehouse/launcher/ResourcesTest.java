package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resources close newest first, each once, even when one of them fails. */
class ResourcesTest {

    @Test
    void closesNewestFirstAndKeepsGoingPastAFailure() {
        List<String> closed = new ArrayList<>();
        Resources resources = new Resources();
        resources.register("store", () -> closed.add("store"));
        resources.register("core", () -> {
            closed.add("core");
            throw new IllegalStateException("flush failed");
        });
        resources.register("http", () -> closed.add("http"));

        resources.close();
        resources.close();

        assertThat(closed).containsExactly("http", "core", "store");
    }
}
