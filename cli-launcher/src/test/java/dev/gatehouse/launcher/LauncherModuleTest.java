package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.VerifyResult;
import dev.gatehouse.ports.out.Storage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The instance the launcher wires verifies with the cache its settings describe. */
class LauncherModuleTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    @Test
    void aCacheThatKeepsVerifiedCredentialsAnHourMissesARevocationMadeBehindItsBack() {
        VerifyResult afterRevocation = verifyAgainAfterARevocationTheCoreWasNotTold(
                new VerificationCacheSettings(1_000, AN_HOUR, AN_HOUR));

        assertThat(afterRevocation).isInstanceOf(VerifyResult.Verified.class);
    }

    @Test
    void aCacheOfNoEntriesReadsTheStoreOnEveryVerification() {
        VerifyResult afterRevocation = verifyAgainAfterARevocationTheCoreWasNotTold(
                new VerificationCacheSettings(0, AN_HOUR, AN_HOUR));

        assertThat(afterRevocation).isEqualTo(VerifyResult.Denied.because(DenialReason.REVOKED));
    }

    @Test
    void aCacheThatKeepsNothingForAnyTimeReadsTheStoreOnEveryVerification() {
        VerifyResult afterRevocation = verifyAgainAfterARevocationTheCoreWasNotTold(
                new VerificationCacheSettings(1_000, Duration.ZERO, Duration.ZERO));

        assertThat(afterRevocation).isEqualTo(VerifyResult.Denied.because(DenialReason.REVOKED));
    }

    /**
     * Verifies the admin key of a fresh in-memory instance, revokes it in the store directly, as another instance
     * whose announcement was lost would, and verifies it again.
     */
    private static VerifyResult verifyAgainAfterARevocationTheCoreWasNotTold(VerificationCacheSettings cache) {
        Resources resources = new Resources();
        try {
            Injector injector = Guice.createInjector(new LauncherModule(
                    new GatehouseSettings(new StorageChoice.InMemory(), null, null, null, cache), resources));
            Gatehouse gatehouse = injector.getInstance(Gatehouse.class);
            Storage storage = injector.getInstance(Storage.class);
            IssuedCredential admin = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
            assertThat(gatehouse.verifier().verify(admin.token())).isInstanceOf(VerifyResult.Verified.class);

            Credential stored = admin.view().credential();
            storage.transactions().run(() -> storage.credentials().update(stored.revoked(stored.id(), Instant.now())));

            return gatehouse.verifier().verify(admin.token());
        } finally {
            resources.close();
        }
    }
}
