package dev.gatehouse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The contract of {@link dev.gatehouse.ports.out.InstallationFingerprints}: the first start's fingerprint wins. */
public abstract class InstallationFingerprintsContract extends StorageContract {

    private static final int STARTS = 8;

    @Test
    void theFirstFingerprintKeptUnderANameIsAnsweredToEveryLaterStart() {
        assertThat(fingerprints().keepFirst("pepper", "first")).isEqualTo("first");
        assertThat(fingerprints().keepFirst("pepper", "second")).isEqualTo("first");
        assertThat(fingerprints().keepFirst("master_secret", "another")).isEqualTo("another");
        assertThat(fingerprints().keepFirst("pepper", "first")).isEqualTo("first");
    }

    @Test
    @Timeout(60)
    void startsRacingOnAnEmptyStoreAllGetTheOneFingerprintThatWasKept() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(STARTS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < STARTS; i++) {
                String own = "start-" + i;
                Callable<String> keep = () -> {
                    start.await();
                    return fingerprints().keepFirst("pepper", own);
                };
                answers.add(threads.submit(keep));
            }
            start.countDown();
            Set<String> answered = new HashSet<>();
            for (Future<String> answer : answers) {
                answered.add(answer.get(30, TimeUnit.SECONDS));
            }

            assertThat(answered).hasSize(1);
            assertThat(answered.iterator().next()).startsWith("start-");
            assertThat(fingerprints().keepFirst("pepper", "late")).isEqualTo(answered.iterator().next());
        } finally {
            threads.shutdownNow();
        }
    }
}
