package dev.gatehouse.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.gatehouse.ports.model.CredentialKind;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The token format and its Base62 encoding; a failed property prints its seed, which {@code -DQT_SEED=<seed>} replays. */
class TokenFormatTest {

    private static final String CHARACTERS = Base62.ALPHABET + "_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TokenFormat GTH = new TokenFormat("gth", RANDOM);

    @Test
    void everySingleCharacterChangeIsRefused() {
        qt().withExamples(40).forAll(prefixes(), kinds()).checkAssert(TokenFormatTest::everySingleCharacterChangeIsRefused);
    }

    private static void everySingleCharacterChangeIsRefused(String prefix, CredentialKind kind) {
        TokenFormat format = new TokenFormat(prefix, RANDOM);
        String token = format.generate(kind);
        assertThat(format.parse(token)).contains(kind);

        for (int position = 0; position < token.length(); position++) {
            String head = token.substring(0, position);
            String tail = token.substring(position + 1);
            for (char replacement : CHARACTERS.toCharArray()) {
                if (replacement != token.charAt(position)) {
                    String changed = head + replacement + tail;
                    assertThat(format.parse(changed)).as("substituted at %d: %s", position, changed).isEmpty();
                }
            }
            assertThat(format.parse(head + tail)).as("deleted at %d", position).isEmpty();
        }
        for (int position = 0; position <= token.length(); position++) {
            for (char inserted : CHARACTERS.toCharArray()) {
                String changed = token.substring(0, position) + inserted + token.substring(position);
                assertThat(format.parse(changed)).as("inserted at %d: %s", position, changed).isEmpty();
            }
        }
    }

    @Test
    void prefixAndKindRoundTripWithOnlyTokenCharacters() {
        qt().withExamples(1000).forAll(prefixes(), kinds()).checkAssert((prefix, kind) -> {
            TokenFormat format = new TokenFormat(prefix, RANDOM);

            String token = format.generate(kind);

            assertThat(token)
                    .matches("[0-9A-Za-z_]+")
                    .startsWith(prefix + "_" + kind.code() + "_")
                    .hasSize(prefix.length() + 4 + TokenFormat.SECRET_LENGTH + TokenFormat.CHECKSUM_LENGTH)
                    .hasSize(format.length());
            assertThat(format.parse(token)).contains(kind);
            assertThat(TokenFormat.displayPrefix(token)).isEqualTo(token.substring(0, 12));
        });
    }

    @Test
    void aTokenOfAnotherPrefixIsRefused() {
        qt().withExamples(1000).forAll(prefixes(), kinds())
                .assuming((prefix, kind) -> !prefix.equals("gth"))
                .checkAssert((prefix, kind) -> {
                    String token = new TokenFormat(prefix, RANDOM).generate(kind);

                    assertThat(GTH.parse(token)).isEmpty();
                });
    }

    @Test
    void arbitraryStringsAreRefusedWithoutThrowing() {
        qt().withExamples(1000).forAll(strings().allPossible().ofLengthBetween(0, 80))
                .checkAssert(anything -> assertThat(GTH.parse(anything)).isEmpty());
    }

    @Test
    void nullEmptyAndUnknownKindsAreRefused() {
        String token = GTH.generate(CredentialKind.WRITE_TOKEN);

        assertThat(GTH.parse(null)).isEmpty();
        assertThat(GTH.parse("")).isEmpty();
        assertThat(GTH.parse(token.replace("_wt_", "_xx_"))).isEmpty();
        assertThat(GTH.parse(token.toUpperCase())).isEmpty();
        assertThat(GTH.parse(" " + token.substring(1))).isEmpty();
    }

    @Test
    void aMillionTokensAreDistinct() {
        int count = 1_000_000;
        Set<String> tokens = new HashSet<>(2 * count);

        for (int i = 0; i < count; i++) {
            tokens.add(GTH.generate(CredentialKind.API_KEY));
        }

        assertThat(tokens).hasSize(count);
    }

    @Test
    void theSecretEncodesAllItsBitsInFixedWidth() {
        Gen<byte[]> secrets = Generate.byteArrays(
                        Generate.constant(32), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0))
                .describedAs(Arrays::toString);
        qt().withExamples(1000).forAll(secrets).checkAssert(bytes -> {
            String encoded = Base62.encode(bytes, TokenFormat.SECRET_LENGTH);

            assertThat(encoded).hasSize(TokenFormat.SECRET_LENGTH);
            assertThat(decode(encoded)).isEqualTo(new BigInteger(1, bytes));
        });
    }

    @Test
    void theWordAtATimeDigitTestAgreesWithTheAlphabetForEveryByteAtEveryPosition() {
        byte[] digits = Base62.ALPHABET.substring(0, 20).getBytes(StandardCharsets.US_ASCII);
        for (int length : new int[] {0, 1, 7, 8, 9, 16, 17, 20}) {
            assertThat(Base62.allDigits(digits, 0, length)).isTrue();
            for (int position = 0; position < length; position++) {
                for (int value = 0; value < 256; value++) {
                    byte[] bytes = digits.clone();
                    bytes[position] = (byte) value;
                    boolean digit = Base62.ALPHABET.indexOf((char) value) >= 0;
                    assertThat(Base62.allDigits(bytes, 0, length))
                            .as("byte %d at %d of %d", value, position, length).isEqualTo(digit);
                    // The same bytes seen from an offset, so that words straddle other positions.
                    assertThat(Base62.allDigits(bytes, Math.min(position, 3), length))
                            .as("from %d", Math.min(position, 3)).isEqualTo(digit);
                }
            }
        }
        assertThatThrownBy(() -> Base62.allDigits(digits, 4, 21)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void base62CoversTheExtremesAndRefusesOverflow() {
        byte[] max = new byte[32];
        Arrays.fill(max, (byte) 0xFF);

        assertThat(Base62.encode(new byte[32], 43)).isEqualTo("0".repeat(43));
        assertThat(decode(Base62.encode(max, 43))).isEqualTo(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
        assertThat(Base62.encode(61, 3)).isEqualTo("00z");
        assertThat(Base62.encode(0xFFFFFFFFL, 6)).hasSize(6);
        assertThatThrownBy(() -> Base62.encode(max, 42)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base62.encode(62, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixesAreValidated() {
        for (String bad : new String[] {null, "", "g", "GTH", "gth_", "abcdefghijk", "gé"}) {
            assertThatThrownBy(() -> new TokenFormat(bad, RANDOM)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new TokenFormat("ab", RANDOM).prefix()).isEqualTo("ab");
        assertThat(new TokenFormat("abcdefghij", RANDOM).prefix()).isEqualTo("abcdefghij");
    }

    private static Gen<String> prefixes() {
        List<Character> characters = "abcdefghijklmnopqrstuvwxyz0123456789".chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(characters)).ofSizeBetween(2, 10)
                .map(chosen -> chosen.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    private static Gen<CredentialKind> kinds() {
        return Generate.enumValues(CredentialKind.class);
    }

    private static BigInteger decode(String digits) {
        BigInteger value = BigInteger.ZERO;
        for (char digit : digits.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(Base62.ALPHABET.indexOf(digit)));
        }
        return value;
    }
}
