package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.internal.LastUsedRecorder;
import dev.gatehouse.core.internal.Timekeeper;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LastUsedWriteBehindTest {

    @Test
    void verificationNeverWritesAndCloseFlushesOneBatchWithTheLatestUses() {
        try (Installation installation = Installation.create()) {
            verifyThenClose(installation);
        }
    }

    private static void verifyThenClose(Installation installation) {
        Project project = installation.project("checkout");
        IssuedCredential write = installation.token(project.id(), CredentialKind.WRITE_TOKEN);
        IssuedCredential read = installation.token(project.id(), CredentialKind.READ_TOKEN);
        int writesBefore = installation.storage.credentialWrites.get();

        for (int i = 0; i < 100; i++) {
            installation.clock.advance(Duration.ofSeconds(1));
            installation.gatehouse.verifier().verify(write.token());
            if (i < 50) {
                installation.gatehouse.verifier().verify(read.token());
            }
        }
        Instant lastWrite = installation.clock.instant();
        Instant lastRead = lastWrite.minusSeconds(50);

        assertThat(installation.storage.credentialWrites).hasValue(writesBefore);
        assertThat(installation.storage.recordUseBatches).isEmpty();

        installation.gatehouse.close();

        assertThat(installation.storage.recordUseBatches).containsExactly(Map.of(
                write.credential().id(), lastWrite, read.credential().id(), lastRead));
        assertThat(stored(installation, write).lastUsedAt()).isEqualTo(lastWrite.truncatedTo(ChronoUnit.MICROS));
        assertThat(stored(installation, read).lastUsedAt()).isEqualTo(lastRead.truncatedTo(ChronoUnit.MICROS));
        assertThat(stored(installation, installation.admin).lastUsedAt()).isNull();
    }

    @Test
    void theBackgroundFlusherWritesAtMostOneBatchPerInterval() throws InterruptedException {
        Duration interval = Duration.ofMillis(50);
        Installation installation = Installation.create(builder -> builder.lastUsedFlushInterval(interval));
        try {
            Project project = installation.project("checkout");
            IssuedCredential write = installation.token(project.id(), CredentialKind.WRITE_TOKEN);

            long started = System.nanoTime();
            while (System.nanoTime() - started < Duration.ofMillis(400).toNanos()) {
                installation.clock.advance(Duration.ofMillis(1));
                installation.gatehouse.verifier().verify(write.token());
                Thread.sleep(0, 100_000);
            }
            long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            List<Map<CredentialId, Instant>> batches = List.copyOf(installation.storage.recordUseBatches);

            assertThat(batches).isNotEmpty();
            assertThat(batches.size()).isLessThanOrEqualTo((int) (elapsedMillis / interval.toMillis()) + 1);
            assertThat(batches).allSatisfy(batch -> assertThat(batch).containsOnlyKeys(write.credential().id()));
            assertThat(stored(installation, write).lastUsedAt()).isNotNull();
        } finally {
            installation.close();
        }
    }

    @Test
    void aFailedBatchIsKeptAndWrittenWithTheNext() {
        List<Map<CredentialId, Instant>> written = new CopyOnWriteArrayList<>();
        AtomicBoolean failNext = new AtomicBoolean(true);
        CredentialId a = CredentialId.random();
        CredentialId b = CredentialId.random();
        Instant t0 = Instant.parse("2030-01-01T00:00:00Z");
        MutableClock clock = new MutableClock(t0.plusSeconds(5));
        try (Timekeeper time = Timekeeper.of(clock);
                LastUsedRecorder recorder = new LastUsedRecorder(batch -> {
                    if (failNext.getAndSet(false)) {
                        throw new StorageException("database down", null);
                    }
                    written.add(batch);
                }, Duration.ofHours(1), time)) {
            recorder.record(a);
            clock.advance(Duration.ofSeconds(-5));
            recorder.record(a);

            assertThatThrownBy(recorder::flush).isInstanceOf(StorageException.class);
            clock.advance(Duration.ofSeconds(1));
            recorder.record(b);
            recorder.flush();
            recorder.flush();

            assertThat(written).containsExactly(Map.of(a, t0.plusSeconds(5), b, t0.plusSeconds(1)));
        }
    }

    private static Credential stored(Installation installation, IssuedCredential issued) {
        return installation.storage.credentials().findById(issued.credential().id()).orElseThrow();
    }
}
