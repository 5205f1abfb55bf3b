package dev.gatehouse.core.internal;

import java.util.Arrays;

/** Fixed-width base62 encoding (alphabet {@code 0-9A-Za-z}) of unsigned big-endian numbers; internal API. */
public final class Base62 {

    /** The 62 digits in ascending order. */
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final char[] DIGITS = ALPHABET.toCharArray();
    private static final byte[] VALUES = new byte[256];
    /** 62^5, the largest power of 62 below 2^30, so that a 32-bit limb shifted in never overflows a long. */
    private static final long CHUNK = 62L * 62 * 62 * 62 * 62;
    private static final int CHUNK_DIGITS = 5;

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
