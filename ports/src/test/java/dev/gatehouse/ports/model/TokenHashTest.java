package dev.gatehouse.ports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A token hash is exactly 64 lowercase hex digits, checked character by character without branches. */
class TokenHashTest {

    private static final String VALID = "0123456789abcdef".repeat(4);

    @Test
    void sixtyFourLowercaseHexDigitsAreAccepted() {
        assertThat(new TokenHash(VALID).hex()).isEqualTo(VALID);
        assertThat(new TokenHash("f".repeat(64)).toString()).isEqualTo("f".repeat(64));
    }

    @Test
    void everyOtherCharacterAtEveryPositionIsRefused() {
        for (int position = 0; position < 64; position++) {
            for (char c = 0; c < 0x180; c++) {
                if (Character.digit(c, 16) >= 0 && !Character.isUpperCase(c) && c < 0x80) {
                    continue;
                }
                String hex = VALID.substring(0, position) + c + VALID.substring(position + 1);
                assertThatThrownBy(() -> new TokenHash(hex)).as("U+%04X at %d", (int) c, position)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("a token hash is 64 lowercase hex characters");
            }
        }
    }

    @Test
    void anyOtherLengthIsRefused() {
        assertThatThrownBy(() -> new TokenHash(VALID.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenHash(VALID + "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenHash("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenHash(null)).isInstanceOf(NullPointerException.class);
    }
}
