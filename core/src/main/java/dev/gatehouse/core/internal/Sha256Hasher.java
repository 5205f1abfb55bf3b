package dev.gatehouse.core.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Plain SHA-256. */
final class Sha256Hasher implements TokenHasher {

    Sha256Hasher() {
        newDigest();
    }

    @Override
    public Engine newEngine() {
        return new DigestEngine(newDigest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** A digest and the buffer it writes every hash into. */
    private static final class DigestEngine implements Engine {

        private final MessageDigest digest;
        private final byte[] hash = new byte[HASH_BYTES];

        DigestEngine(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public byte[] digest(byte[] token) {
            digest.update(token);
            try {
                digest.digest(hash, 0, HASH_BYTES);
            } catch (DigestException e) {
                throw new IllegalStateException("a SHA-256 hash fits in 32 bytes", e);
            }
            return hash;
        }
    }
}
