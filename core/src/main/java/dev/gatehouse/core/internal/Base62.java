package dev.gatehouse.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/** Fixed-width base62 encoding (alphabet {@code 0-9A-Za-z}) of unsigned big-endian numbers; internal API. */
public final class Base62 {

    /** The 62 digits in ascending order. */
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final char[] DIGITS = ALPHABET.toCharArray();
    private static final byte[] VALUES = new byte[256];
    /** 62^5, the largest power of 62 below 2^30, so that a 32-bit limb shifted in never overflows a long. */
    private static final long CHUNK = 62L * 62 * 62 * 62 * 62;
    private static final int CHUNK_DIGITS = 5;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    static {
        Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < DIGITS.length; i++) {
            VALUES[DIGITS[i]] = (byte) i;
        }
    }

    private Base62() {
    }

    /** Whether {@code c} is one of the 62 digits. */
    public static boolean isDigit(char c) {
        return c < 256 && VALUES[c] >= 0;
    }

    /** The value of the digit whose ASCII code is {@code b}, or -1 where {@code b} is not a digit. */
    public static int valueOf(byte b) {
        return VALUES[b & 0xFF];
    }

    /**
     * Whether every byte of {@code bytes} from {@code from} (inclusive) to {@code to} (exclusive) is a digit, tested
     * eight bytes at a time: the verification path runs this on every token it sees.
     */
    public static boolean allDigits(byte[] bytes, int from, int to) {
        Objects.checkFromToIndex(from, to, bytes.length);
        if (to - from < Long.BYTES) {
            int digits = 0;
            for (int i = from; i < to; i++) {
                digits |= valueOf(bytes[i]);
            }
            return digits >= 0;
        }
        long seen = 0;
        long inAlphabet = HIGH_BITS;
        for (int i = from; i < to - Long.BYTES; i += Long.BYTES) {
            long word = (long) WORDS.get(bytes, i);
            seen |= word;
            inAlphabet &= inAlphabet(word);
        }
        // The last eight bytes, which may overlap bytes already tested.
        long last = (long) WORDS.get(bytes, to - Long.BYTES);
        return ((seen | last) & HIGH_BITS) == 0 & (inAlphabet & inAlphabet(last)) == HIGH_BITS;
    }

    /**
     * The high bit of each byte of {@code word} set where the byte is {@code 0-9}, {@code A-Z} or {@code a-z},
     * provided no byte of it is 0x80 or above: setting bit 5 of every byte maps {@code A-Z} onto {@code a-z} and
     * nothing else there, so two range tests cover the alphabet.
     */
    private static long inAlphabet(long word) {
        return between(word, '0', '9') | between(word | LOW_BITS * 0x20, 'a', 'z');
    }

    /**
     * The high bit of each byte of {@code word} (each below 0x80) set where the byte lies in {@code [low, high]}:
     * adding {@code 0x80 - low} sets it where the byte is at least {@code low}, adding {@code 0x7F - high} where it
     * is above {@code high}, and neither sum carries into the next byte.
     */
    private static long between(long word, int low, int high) {
        long atLeastLow = word + LOW_BITS * (0x80 - low);
        long aboveHigh = word + LOW_BITS * (0x7F - high);
        return atLeastLow & ~aboveHigh & HIGH_BITS;
    }

    /** The digit whose value is {@code value}, which must lie in {@code [0, 62)}. */
    public static char digit(int value) {
        return DIGITS[value];
    }

    /**
     * The unsigned big-endian number in {@code bytes} as exactly {@code width} digits, left-padded with {@code 0};
     * throws {@link IllegalArgumentException} when it does not fit.
     */
    public static String encode(byte[] bytes, int width) {
        int limbCount = (bytes.length + 3) / 4;
        int[] limbs = new int[limbCount];
        for (int i = 0; i < bytes.length; i++) {
            int significance = bytes.length - 1 - i;
            limbs[limbCount - 1 - significance / 4] |= (bytes[i] & 0xFF) << (8 * (significance % 4));
        }
        char[] out = new char[width];
        int position = width;
        while (position > 0) {
            long remainder = 0;
            for (int i = 0; i < limbCount; i++) {
                long current = (remainder << 32) | (limbs[i] & 0xFFFFFFFFL);
                long quotient = current / CHUNK;
                limbs[i] = (int) quotient;
                remainder = current - quotient * CHUNK;
            }
            int chunk = (int) remainder;
            for (int d = 0; d < CHUNK_DIGITS && position > 0; d++) {
                out[--position] = DIGITS[chunk % 62];
                chunk /= 62;
            }
            remainder = chunk;
            if (position == 0 && remainder != 0) {
                throw new IllegalArgumentException("the number needs more than " + width + " base62 digits");
            }
        }
        for (int limb : limbs) {
            if (limb != 0) {
                throw new IllegalArgumentException("the number needs more than " + width + " base62 digits");
            }
        }
        return new String(out);
    }

    /** The non-negative {@code value} as exactly {@code width} digits; throws when it does not fit. */
    public static String encode(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative");
        }
        char[] out = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = DIGITS[(int) (rest % 62)];
            rest /= 62;
        }
        if (rest != 0) {
            throw new IllegalArgumentException("the number needs more than " + width + " base62 digits");
        }
        return new String(out);
    }
}
