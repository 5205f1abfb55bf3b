package dev.gatehouse.core.internal;

import dev.gatehouse.ports.model.CredentialKind;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The token format {@code <prefix>_<kind>_<secret><checksum>}: a 256-bit secret as 43 base62 digits, then the
 * CRC32 of everything before it as 6 base62 digits; internal API. Thread-safe.
 */
public final class TokenFormat {

    /** Random bytes in a secret. */
    public static final int SECRET_BYTES = 32;
    /** Base62 digits of the secret: 62^43 exceeds 2^256. */
    public static final int SECRET_LENGTH = 43;
    /** Base62 digits of the checksum: 62^6 exceeds 2^32. */
    public static final int CHECKSUM_LENGTH = 6;
    /** Characters of a token kept for display as {@code token_prefix}. */
    public static final int DISPLAY_PREFIX_LENGTH = 12;
    /** What an installation's prefix must look like. */
    public static final Pattern PREFIX_PATTERN = Pattern.compile("[a-z0-9]{2,10}");

    private static final int KIND_LENGTH = 2;
    private static final CredentialKind[] KINDS = CredentialKind.values();
    /** Each kind's two-letter code as one number, in the order of {@link #KINDS}. */
    private static final int[] KIND_CODES = new int[KINDS.length];
    private static final Map<CredentialKind, Optional<CredentialKind>> PARSED = new EnumMap<>(CredentialKind.class);

    static {
        for (CredentialKind kind : CredentialKind.values()) {
            PARSED.put(kind, Optional.of(kind));
            KIND_CODES[kind.ordinal()] = kind.code().charAt(0) << 8 | kind.code().charAt(1);
        }
    }

    private final String prefix;
    private final byte[] prefixBytes;
    private final int kindStart;
    private final int secretStart;
    private final int checksumStart;
    private final int length;
    private final SecureRandom random;

    /**
     * A format for tokens starting with {@code prefix}, drawing secrets from {@code random}.
     *
     * @throws IllegalArgumentException if the prefix is not 2 to 10 lowercase letters or digits
     */
    public TokenFormat(String prefix, SecureRandom random) {
        if (prefix == null || !PREFIX_PATTERN.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a token prefix is 2 to 10 lowercase letters or digits");
        }
        this.prefix = prefix;
        this.prefixBytes = prefix.getBytes(StandardCharsets.US_ASCII);
        this.kindStart = prefix.length() + 1;
        this.secretStart = kindStart + KIND_LENGTH + 1;
        this.checksumStart = secretStart + SECRET_LENGTH;
        this.length = checksumStart + CHECKSUM_LENGTH;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The installation prefix every token starts with. */
    public String prefix() {
        return prefix;
    }

    /** The exact length of every token of this format. */
    public int length() {
        return length;
    }

    /** A new token of {@code kind} with a fresh random secret. */
    public String generate(CredentialKind kind) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String head = prefix + '_' + kind.code() + '_' + Base62.encode(secret, SECRET_LENGTH);
        CRC32 crc = new CRC32();
        crc.update(head.getBytes(StandardCharsets.US_ASCII));
        return head + Base62.encode(crc.getValue(), CHECKSUM_LENGTH);
    }

    /**
     * The kind of a well-formed token: right length, prefix, separators, kind code, alphabet and checksum;
     * empty for anything else, including null. Does no hashing and no lookup.
     */
    public Optional<CredentialKind> parse(String token) {
        byte[] bytes = wellFormed(token);
        return bytes == null ? Optional.empty() : PARSED.get(kindOf(bytes));
    }

    /**
     * The bytes of {@code token} if it is well-formed (see {@link #parse}), else null: the verification hot path,
     * which hashes these very bytes instead of encoding the token again.
     */
    public byte[] wellFormed(String token) {
        if (token == null || token.length() != length) {
            return null;
        }
        // Every valid character is ASCII, so any other character turns into a byte that no check accepts.
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < prefixBytes.length; i++) {
            if (bytes[i] != prefixBytes[i]) {
                return null;
            }
        }
        if (bytes[kindStart - 1] != '_' || bytes[secretStart - 1] != '_' || kindOf(bytes) == null) {
            return null;
        }
        if (!Base62.allDigits(bytes, secretStart, length)) {
            return null;
        }
        long checksum = 0;
        for (int i = checksumStart; i < length; i++) {
            checksum = checksum * 62 + Base62.valueOf(bytes[i]);
        }
        // A new CRC32 costs less than finding a reusable one in a thread local.
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, checksumStart);
        return crc.getValue() == checksum ? bytes : null;
    }

    /** The kind named in the bytes of a token of this format, or null where no kind has that code. */
    public CredentialKind kindOf(byte[] token) {
        int code = (token[kindStart] & 0xFF) << 8 | token[kindStart + 1] & 0xFF;
        for (int i = 0; i < KIND_CODES.length; i++) {
            if (KIND_CODES[i] == code) {
                return KINDS[i];
            }
        }
        return null;
    }

    /** The first characters of {@code token}, which listings show to tell tokens apart. */
    public static String displayPrefix(String token) {
        return token.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, token.length()));
    }
}
