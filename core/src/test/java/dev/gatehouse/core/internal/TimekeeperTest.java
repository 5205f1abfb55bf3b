package dev.gatehouse.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The ticked time of the verification path: never ahead of the clock, close behind it, exact for other clocks. */
class TimekeeperTest {

    private static final long WAIT_NANOS = Duration.ofSeconds(5).toNanos();

    @Test
    void theSystemClockIsTickedNeverAheadAndSoonPastAnyInstantRead() throws InterruptedException {
        try (Timekeeper time = Timekeeper.of(Clock.systemUTC())) {
            Instant before = Instant.now();
            Instant recent = time.recent();
            assertThat(recent).isBeforeOrEqualTo(Instant.now());

            // The tick catches up with an instant read now within a few ticks, unless this machine stalls for seconds.
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (time.recent().isBefore(before.plusMillis(5)) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(time.recent()).isAfterOrEqualTo(before.plusMillis(5)).isBeforeOrEqualTo(Instant.now());
            assertThat(time.recentNanos()).isLessThanOrEqualTo(System.nanoTime());
            assertThat(clockThreads()).isNotEmpty();
        }
    }

    @Test
    void theTickSleepsWhenNobodyReadsAndTheNextReadIsExactAndWakesIt() throws InterruptedException {
        try (Timekeeper time = Timekeeper.of(Clock.systemUTC())) {
            assertThat(time.isTicking()).isTrue();

            // About a second without a read puts the thread to sleep; allow for a slow machine.
            long deadline = System.nanoTime() + WAIT_NANOS;
            while (time.isTicking() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(time.isTicking()).as("asleep after a second without reads").isFalse();

            Instant before = Instant.now();
            assertThat(time.recent()).as("exact while asleep").isAfterOrEqualTo(before);
            deadline = System.nanoTime() + WAIT_NANOS;
            while (!time.isTicking() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(time.isTicking()).as("woken by the read").isTrue();
            assertThat(time.recent()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
        }
    }

    @Test
    void anotherClockIsReadOnEveryCallAndRunsNoThread() {
        Instant start = Instant.parse("2030-01-01T00:00:00.000000001Z");
        Clock fixed = Clock.fixed(start, ZoneOffset.UTC);
        Set<Thread> before = clockThreads();
        try (Timekeeper time = Timekeeper.of(fixed)) {
            assertThat(time.isTicking()).isFalse();
            assertThat(time.recent()).isEqualTo(start);
            assertThat(time.exact()).isEqualTo(start);
            // A subset: a ticker that an earlier test closed may end meanwhile, but none may start.
            assertThat(clockThreads()).isSubsetOf(before);
        }
        try (Timekeeper time = Timekeeper.of(Clock.offset(Clock.systemUTC(), Duration.ofDays(-1)))) {
            assertThat(time.recent()).isBefore(Instant.now().minus(Duration.ofHours(23)));
        }
    }

    @Test
    void closingStopsTheTickAndLeavesExactReads() throws InterruptedException {
        Set<Thread> before = clockThreads();
        Timekeeper time = Timekeeper.of(Clock.systemUTC());
        Set<Thread> ours = clockThreads();
        ours.removeAll(before);
        assertThat(ours).hasSize(1);

        time.close();
        time.close();

        Thread ticker = ours.iterator().next();
        ticker.join(Duration.ofNanos(WAIT_NANOS).toMillis());
        assertThat(ticker.isAlive()).isFalse();
        Instant now = Instant.now();
        assertThat(time.recent()).isAfterOrEqualTo(now);
    }

    private static Set<Thread> clockThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("gatehouse-clock"))
                .collect(Collectors.toSet());
    }
}
