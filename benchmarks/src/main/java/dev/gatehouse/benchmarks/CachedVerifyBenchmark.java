package dev.gatehouse.benchmarks;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A verification that hits the cache, against its baseline: the JDK computing the same token's hash alone (SHA-256,
 * or HMAC-SHA256 with a pepper) on a digest prepared in advance. Budget: {@code verify} at most 1.5x {@code hashAlone},
 * each judged by its median over three forks, since one fork can run slow or fast from start to end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(3)
public class CachedVerifyBenchmark {

    private static final byte[] PEPPER = "benchmark pepper, 32 bytes long!".getBytes(StandardCharsets.US_ASCII);

    /** {@code none} hashes with SHA-256; {@code hmac} configures a pepper, so HMAC-SHA256. */
    @Param({"none", "hmac"})
    public String pepper;

    private BenchInstallation installation;
    private Verifier verifier;
    private String token;

    /** Creates an installation with the default cache and one write token, and verifies it once so it is cached. */
    @Setup(Level.Trial)
    public void setUp() {
        installation = BenchInstallation.create(InMemoryStorage.create(),
                builder -> pepper.equals("hmac") ? builder.pepper(PEPPER) : builder);
        verifier = installation.gatehouse().verifier();
        token = installation.newWriteToken().token();
        installation.requireVerifies(token);
    }

    /** Closes the installation. */
    @TearDown(Level.Trial)
    public void tearDown() {
        installation.close();
    }

    /** What every request of an embedding product pays: shape, checksum, hash, cached lookup, expiry. */
    @Benchmark
    public VerifyResult verify() {
        return verifier.verify(token);
    }

    /** The baseline: the token's bytes through a ready digest or MAC, nothing else. */
    @Benchmark
    public byte[] hashAlone(Hasher hasher) {
        return hasher.hash(token);
    }

    /** A digest or MAC per benchmark thread, keyed once, as the cheapest way the JDK can hash a token. */
    @State(Scope.Thread)
    public static class Hasher {

        private MessageDigest digest;
        private Mac mac;

        /** Prepares SHA-256, or HMAC-SHA256 keyed with the benchmark's pepper. */
        @Setup(Level.Trial)
        public void setUp(CachedVerifyBenchmark benchmark) throws GeneralSecurityException {
            if (benchmark.pepper.equals("hmac")) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(PEPPER, "HmacSHA256"));
            } else {
                digest = MessageDigest.getInstance("SHA-256");
            }
        }

        byte[] hash(String token) {
            byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
            return mac != null ? mac.doFinal(bytes) : digest.digest(bytes);
        }
    }
}
