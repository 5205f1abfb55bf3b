package dev.gatehouse.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenHasherTest {

    @Test
    void sha256MatchesTheStandardTestVector() {
        assertThat(TokenHasher.sha256().hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        TokenHasher hasher = TokenHasher.hmacSha256("Jefe".getBytes(StandardCharsets.US_ASCII));

        assertThat(hasher.hex("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void aPepperChangesTheHashAndAnEmptyOneIsRefused() {
        assertThat(TokenHasher.hmacSha256(new byte[] {1}).hex("gth_ak_x"))
                .isNotEqualTo(TokenHasher.hmacSha256(new byte[] {2}).hex("gth_ak_x"))
                .isNotEqualTo(TokenHasher.sha256().hex("gth_ak_x"));
        assertThatThrownBy(() -> TokenHasher.hmacSha256(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenHasher.hmacSha256(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePepperIsCopiedSoLaterChangesToTheArrayDoNotMatter() {
        byte[] pepper = {1, 2, 3};
        TokenHasher hasher = TokenHasher.hmacSha256(pepper);
        String before = hasher.hex("token");

        pepper[0] = 9;

        assertThat(hasher.hex("token")).isEqualTo(before);
    }

    @Test
    void concurrentHashingGivesTheSameResultsAsSequentialHashing() {
        TokenHasher sha = TokenHasher.sha256();
        TokenHasher hmac = TokenHasher.hmacSha256(new byte[] {42});
        List<String> sequential = IntStream.range(0, 2_000).mapToObj(i -> sha.hex("t" + i) + hmac.hex("t" + i)).toList();

        List<String> parallel = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> sha.hex("t" + i) + hmac.hex("t" + i)).toList();

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sha.hash("abc").hex()).isEqualTo(sha.hex("abc"));
    }

    @Test
    void anEngineReusesOneBufferHoldingItsLatestHash() {
        for (TokenHasher hasher : List.of(TokenHasher.sha256(), TokenHasher.hmacSha256(new byte[] {7}))) {
            TokenHasher.Engine engine = hasher.newEngine();
            byte[] first = engine.digest(ascii("gth_one"));
            String firstHex = HexFormat.of().formatHex(first);

            byte[] second = engine.digest(ascii("gth_two"));
            byte[] anotherEngines = hasher.newEngine().digest(ascii("gth_two"));

            assertThat(second).isSameAs(first).hasSize(TokenHasher.HASH_BYTES).isEqualTo(anotherEngines);
            assertThat(anotherEngines).isNotSameAs(second);
            assertThat(HexFormat.of().formatHex(second)).isNotEqualTo(firstHex).isEqualTo(hasher.hex("gth_two"));
            assertThat(hasher.hex("gth_one")).isEqualTo(firstHex);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
