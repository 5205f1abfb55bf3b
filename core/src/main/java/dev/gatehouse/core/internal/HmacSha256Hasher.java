package dev.gatehouse.core.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 keyed with a pepper. */
final class HmacSha256Hasher implements TokenHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    HmacSha256Hasher(byte[] pepper) {
        if (pepper == null || pepper.length == 0) {
            throw new IllegalArgumentException("a pepper must not be empty");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(pepper, pepper.length), ALGORITHM);
        newEngine();
    }

    @Override
    public Engine newEngine() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return new MacEngine(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** A keyed MAC and the buffer it writes every hash into. */
    private static final class MacEngine implements Engine {

        private final Mac mac;
        private final byte[] hash = new byte[HASH_BYTES];

        MacEngine(Mac mac) {
            this.mac = mac;
        }

        @Override
        public byte[] digest(byte[] token) {
            mac.update(token);
            try {
                mac.doFinal(hash, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException("an HMAC-SHA256 fits in 32 bytes", e);
            }
            return hash;
        }
    }
}
