package dev.gatehouse.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 with one digest per thread, since creating a digest costs more than using one. */
final class Sha256Hasher implements TokenHasher {

    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(Sha256Hasher::newDigest);

    Sha256Hasher() {
        newDigest();
    }

    @Override
    public byte[] digest(byte[] token) {
        return digests.get().digest(token);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
