package dev.gatehouse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.model.VerifyResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The premise of the cache-miss benchmarks: their configuration really sends every verification to the store. */
class UncachedInstallationTest {

    private static final int VERIFICATIONS = 50;

    @Test
    void everyVerificationOfAnUncachedInstallationReadsTheStore() {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        try (BenchInstallation installation =
                BenchInstallation.create(storage.storage(), BenchInstallation::uncached)) {
            String token = installation.newWriteToken().token();
            long before = storage.lookups();

            for (int i = 0; i < VERIFICATIONS; i++) {
                assertThat(installation.gatehouse().verifier().verify(token)).isInstanceOf(VerifyResult.Verified.class);
            }

            assertThat(storage.lookups() - before).isEqualTo(VERIFICATIONS);
        }
    }

    @Test
    void aCachingInstallationReadsTheStoreOnceForRepeatedVerifications() {
        CountingStorage storage = new CountingStorage(InMemoryStorage.create());
        try (BenchInstallation installation = BenchInstallation.create(storage.storage(),
                builder -> builder.verificationCache(100, Duration.ofHours(1), Duration.ofHours(1)))) {
            String token = installation.newWriteToken().token();
            long before = storage.lookups();

            for (int i = 0; i < VERIFICATIONS; i++) {
                assertThat(installation.gatehouse().verifier().verify(token)).isInstanceOf(VerifyResult.Verified.class);
            }

            assertThat(storage.lookups() - before).isEqualTo(1);
        }
    }
}
