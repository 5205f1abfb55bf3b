package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.out.VerificationInvalidations;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The builder refuses flush intervals its flusher threads cannot run on when they are given, and a build that fails
 * after starting its threads stops them again.
 */
class GatehouseBuilderLimitsTest {

    @Test
    void flushIntervalsBeyondWhatAThreadCanCountAreRefusedWhenGiven() {
        Gatehouse.Builder builder = Gatehouse.builder();

        assertThatThrownBy(() -> builder.failedLoginWindow(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the failed-login window must be at most PT2562047H47M16.854775807S");
        assertThatThrownBy(() -> builder.lastUsedFlushInterval(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the flush interval must be at most PT2562047H47M16.854775807S");
        builder.failedLoginWindow(Gatehouse.MAX_FLUSH_INTERVAL).lastUsedFlushInterval(Gatehouse.MAX_FLUSH_INTERVAL);
    }

    @Test
    void flushIntervalsShorterThanAMillisecondAreRefusedWhenGiven() {
        Gatehouse.Builder builder = Gatehouse.builder();

        for (Duration tooShort : List.of(Duration.ofNanos(1), Duration.ofNanos(999_999), Duration.ZERO,
                Duration.ofMillis(-1))) {
            assertThatThrownBy(() -> builder.failedLoginWindow(tooShort))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the failed-login window must be at least PT0.001S");
            assertThatThrownBy(() -> builder.lastUsedFlushInterval(tooShort))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the flush interval must be at least PT0.001S");
        }
        builder.failedLoginWindow(Duration.ofMillis(1)).lastUsedFlushInterval(Duration.ofMillis(1));
    }

    @Test
    void aBuildFailingAfterItsThreadsStartedStopsThemAgain() throws InterruptedException {
        IllegalStateException refused = new IllegalStateException("no subscription today");
        ForwardingStorage storage = new ForwardingStorage(InMemoryStorage.create()) {
            @Override
            public VerificationInvalidations invalidations() {
                return new VerificationInvalidations() {
                    @Override
                    public void publish(Collection<TokenHash> hashes) {
                    }

                    @Override
                    public Subscription subscribe(Subscriber subscriber) {
                        throw refused;
                    }
                };
            }
        };
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());

        // The system clock, which has a thread of its own ticking, besides the two flushers.
        assertThatThrownBy(() -> Gatehouse.builder().storage(storage).build()).isSameAs(refused);

        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.getName().startsWith("gatehouse-"))
                .toList();
        for (Thread thread : started) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        assertThat(started).filteredOn(Thread::isAlive).extracting(Thread::getName).isEmpty();
    }
}
