package dev.gatehouse.benchmarks;

import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.ports.model.CredentialKind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Context for the cached-verify budget, judged against {@link CachedVerifyBenchmark#hashAlone} in the same run: what
 * the token check costs before any hashing, and its checksum alone, as the token format's CRC32 and as CRC32C for
 * comparison. Each starts from a fresh copy of the token's bytes, as verification does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenCheckBenchmark {

    private final TokenFormat format = new TokenFormat("gth", new SecureRandom());
    private final String token = format.generate(CredentialKind.WRITE_TOKEN);
    private final int checksumStart = format.length() - TokenFormat.CHECKSUM_LENGTH;

    /** Shape, prefix, kind, alphabet and checksum: everything verification does before it hashes. */
    @Benchmark
    public byte[] tokenCheck() {
        return format.wellFormed(token);
    }

    /** The token format's checksum: the JDK's CRC32 of everything before the checksum digits. */
    @Benchmark
    public long crc32() {
        CRC32 crc = new CRC32();
        crc.update(token.getBytes(StandardCharsets.ISO_8859_1), 0, checksumStart);
        return crc.getValue();
    }

    /** The same bytes through the JDK's CRC32C, the cheaper checksum the format could use instead. */
    @Benchmark
    public long crc32c() {
        CRC32C crc = new CRC32C();
        crc.update(token.getBytes(StandardCharsets.ISO_8859_1), 0, checksumStart);
        return crc.getValue();
    }
}
