package dev.gatehouse.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.OrganizationId;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A write-behind recorder whose store write hangs, as a JDBC socket read does on a database that stopped answering
 * (deaf to interrupts): closing gives up after its timeout, skips the last flush and warns how much is unwritten,
 * naming no credential.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HangingWriteCloseTest {

    private static final Duration CLOSE_TIMEOUT = Duration.ofMillis(200);
    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final HangingWrite write = new HangingWrite();
    private final Logger logger = Logger.getLogger(Periodic.class.getName());
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(MessageFormat.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseTheWrite() {
        logger.removeHandler(capture);
        write.release.countDown();
    }

    @Test
    void aCloseDuringAHangingScheduledWriteGivesUpAndSkipsTheLastFlush() throws InterruptedException {
        CredentialId first = CredentialId.random();
        CredentialId second = CredentialId.random();
        CredentialId third = CredentialId.random();
        Timekeeper time = Timekeeper.of(CLOCK);
        LastUsedRecorder recorder = new LastUsedRecorder(batch -> write.run(), Duration.ofMillis(10), time,
                CLOSE_TIMEOUT);
        recorder.record(first);
        assertThat(write.entered.await(QUICKLY.toSeconds(), TimeUnit.SECONDS)).isTrue();
        recorder.record(second);
        recorder.record(third);

        Duration took = timed(recorder::close);

        assertThat(took).isGreaterThanOrEqualTo(CLOSE_TIMEOUT).isLessThan(QUICKLY);
        assertThat(warnings).singleElement().isEqualTo("gatehouse-last-used-flusher did not finish flushing within"
                + " PT0.2S; closing without the last flush: 2 pending last_used_at stamps and the 1 of the hanging"
                + " write not written");
        assertThat(warnings.get(0)).doesNotContain(first.toString(), second.toString(), third.toString());
        write.release.countDown();
        Thread.sleep(200);
        assertThat(write.calls).hasValue(1);
        time.close();
    }

    @Test
    void aCloseWhoseLastFlushHangsGivesUpToo() throws InterruptedException {
        FailedLoginRecorder recorder = new FailedLoginRecorder(window -> write.run(), CLOCK, Duration.ofHours(1),
                CLOSE_TIMEOUT);
        recorder.unattributed(DenialReason.MALFORMED);
        recorder.unattributed(DenialReason.NOT_FOUND);
        recorder.attributed(OrganizationId.random(), DenialReason.REVOKED);

        Duration took = timed(recorder::close);

        assertThat(write.entered.await(0, TimeUnit.SECONDS)).isTrue();
        assertThat(took).isGreaterThanOrEqualTo(CLOSE_TIMEOUT).isLessThan(QUICKLY);
        assertThat(warnings).singleElement().isEqualTo("gatehouse-failed-login-flusher did not finish flushing"
                + " within PT0.2S; closing without the last flush: 0 pending failed authentications and the 3 of the"
                + " hanging write not written");
    }

    @Test
    void aCloseWithoutAHangingWriteStillFlushesALastTimeAndWarnsOfNothing() {
        AtomicInteger written = new AtomicInteger();
        Timekeeper time = Timekeeper.of(CLOCK);
        LastUsedRecorder recorder = new LastUsedRecorder(batch -> written.addAndGet(batch.size()),
                Duration.ofHours(1), time, CLOSE_TIMEOUT);
        recorder.record(CredentialId.random());
        recorder.record(CredentialId.random());

        recorder.close();

        assertThat(written).hasValue(2);
        assertThat(warnings).isEmpty();
        time.close();
    }

    private static Duration timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** A store write that blocks until released, deaf to interrupts. */
    private static final class HangingWrite {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();

        void run() {
            calls.incrementAndGet();
            entered.countDown();
            boolean interrupted = false;
            while (true) {
                try {
                    release.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
