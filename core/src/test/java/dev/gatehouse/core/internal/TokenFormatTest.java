package dev.gatehouse.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.CredentialKind;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class TokenFormatTest {

    private static final String CHARACTERS = Base62.ALPHABET + "_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TokenFormat GTH = new TokenFormat("gth", RANDOM);

    @Property(tries = 40)
    void everySingleCharacterChangeIsRefused(@ForAll("prefixes") String prefix, @ForAll CredentialKind kind) {
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

    @Property
    void prefixAndKindRoundTripWithOnlyTokenCharacters(@ForAll("prefixes") String prefix, @ForAll CredentialKind kind) {
        TokenFormat format = new TokenFormat(prefix, RANDOM);

        String token = format.generate(kind);

        assertThat(token)
                .matches("[0-9A-Za-z_]+")
                .startsWith(prefix + "_" + kind.code() + "_")
                .hasSize(prefix.length() + 4 + TokenFormat.SECRET_LENGTH + TokenFormat.CHECKSUM_LENGTH)
                .hasSize(format.length());
        assertThat(format.parse(token)).contains(kind);
        assertThat(TokenFormat.displayPrefix(token)).isEqualTo(token.substring(0, 12));
    }

    @Property
    void aTokenOfAnotherPrefixIsRefused(@ForAll("prefixes") String prefix, @ForAll CredentialKind kind) {
        Assume.that(!prefix.equals("gth"));
        String token = new TokenFormat(prefix, RANDOM).generate(kind);

        assertThat(GTH.parse(token)).isEmpty();
    }

    @Property
    void arbitraryStringsAreRefusedWithoutThrowing(@ForAll @Size(max = 80) String anything) {
        assertThat(GTH.parse(anything)).isEmpty();
    }

    @Example
    void nullEmptyAndUnknownKindsAreRefused() {
        String token = GTH.generate(CredentialKind.WRITE_TOKEN);

        assertThat(GTH.parse(null)).isEmpty();
        assertThat(GTH.parse("")).isEmpty();
        assertThat(GTH.parse(token.replace("_wt_", "_xx_"))).isEmpty();
        assertThat(GTH.parse(token.toUpperCase())).isEmpty();
        assertThat(GTH.parse(" " + token.substring(1))).isEmpty();
    }

    @Example
    void aMillionTokensAreDistinct() {
        int count = 1_000_000;
        Set<String> tokens = new HashSet<>(2 * count);

        for (int i = 0; i < count; i++) {
            tokens.add(GTH.generate(CredentialKind.API_KEY));
        }

        assertThat(tokens).hasSize(count);
    }

    @Property
    void theSecretEncodesAllItsBitsInFixedWidth(@ForAll @Size(32) byte[] bytes) {
        String encoded = Base62.encode(bytes, TokenFormat.SECRET_LENGTH);

        assertThat(encoded).hasSize(TokenFormat.SECRET_LENGTH);
        assertThat(decode(encoded)).isEqualTo(new BigInteger(1, bytes));
    }

    @Example
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

    @Example
    void prefixesAreValidated() {
        for (String bad : new String[] {null, "", "g", "GTH", "gth_", "abcdefghijk", "gé"}) {
            assertThatThrownBy(() -> new TokenFormat(bad, RANDOM)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new TokenFormat("ab", RANDOM).prefix()).isEqualTo("ab");
        assertThat(new TokenFormat("abcdefghij", RANDOM).prefix()).isEqualTo("abcdefghij");
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(2).ofMaxLength(10);
    }

    private static BigInteger decode(String digits) {
        BigInteger value = BigInteger.ZERO;
        for (char digit : digits.toCharArray()) {
            value = value.multiply(BigInteger.valueOf(62)).add(BigInteger.valueOf(Base62.ALPHABET.indexOf(digit)));
        }
        return value;
    }
}
