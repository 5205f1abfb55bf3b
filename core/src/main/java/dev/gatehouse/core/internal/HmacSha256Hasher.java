package dev.gatehouse.core.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 with one initialised MAC per thread, since keying a MAC costs more than using one. */
final class HmacSha256Hasher implements TokenHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    HmacSha256Hasher(byte[] pepper) {
        if (pepper == null || pepper.length == 0) {
            throw new IllegalArgumentException("a pepper must not be empty");
        }
        this.key = new SecretKeySpec(Arrays.copyOf(pepper, pepper.length), ALGORITHM);
        newMac();
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    @Override
    public byte[] digest(byte[] token) {
        return macs.get().doFinal(token);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
