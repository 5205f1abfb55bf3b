package dev.gatehouse.core.internal;

import dev.gatehouse.ports.model.StorageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Encrypts the secret fields of notification channels at rest: AES-256-GCM under a key derived by HKDF-SHA256 from
 * the installation's master secret, a fresh 12-byte nonce per encryption and a 128-bit tag. The stored form is
 * {@code v1:} followed by base64 of nonce and ciphertext; a context (the channel and field) is bound as associated
 * data, so that a ciphertext copied to another channel or field does not decrypt. Internal API. Thread-safe.
 */
public final class ChannelSecrets {

    /** The fewest bytes a master secret may have: the key it yields is never stronger than it. */
    public static final int MIN_MASTER_SECRET_BYTES = 32;

    private static final String VERSION = "v1:";
    // Naming the purpose and version keeps this key apart from any other one a future release derives.
    private static final byte[] INFO = "gatehouse/channel-secrets/aes-256-gcm/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * Secrets under the key derived from {@code masterSecret}, which must have at least
     * {@value #MIN_MASTER_SECRET_BYTES} bytes; nonces come from {@code random}.
     */
    public ChannelSecrets(byte[] masterSecret, SecureRandom random) {
        Objects.requireNonNull(masterSecret, "masterSecret");
        if (masterSecret.length < MIN_MASTER_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "a master secret has at least " + MIN_MASTER_SECRET_BYTES + " bytes");
        }
        this.random = Objects.requireNonNull(random, "random");
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(masterSecret, null, INFO));
        byte[] derived = new byte[KEY_BYTES];
        hkdf.generateBytes(derived, 0, KEY_BYTES);
        this.key = new SecretKeySpec(derived, "AES");
        Arrays.fill(derived, (byte) 0);
    }

    /** The stored form of {@code plaintext}, bound to {@code context}; a new nonce each call, so never the same twice. */
    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return VERSION + Base64.getEncoder().encodeToString(stored.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot encrypt with " + TRANSFORMATION, e);
        }
    }

    /**
     * The plaintext of {@code stored}, which must have been encrypted with the same master secret and context.
     *
     * @throws StorageException if it was encrypted under another master secret or context, or altered; the message
     *     never repeats the stored value
     */
    public String decrypt(String stored, String context) {
        Objects.requireNonNull(stored, "stored");
        byte[] bytes = decode(stored);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), context);
            byte[] plaintext = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StorageException("A stored channel secret cannot be decrypted: it was encrypted under another "
                    + "master secret, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot decrypt with " + TRANSFORMATION, e);
        }
    }

    /** Whether {@code value} has the shape of a stored secret: this version's prefix and a nonce, tag and base64. */
    public static boolean isEncrypted(String value) {
        if (value == null || !value.startsWith(VERSION)) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(value.substring(VERSION.length())).length >= NONCE_BYTES + TAG_BITS / 8;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] decode(String stored) {
        if (!isEncrypted(stored)) {
            throw new StorageException("A stored channel secret is not in the " + VERSION + " format", null);
        }
        return Base64.getDecoder().decode(stored.substring(VERSION.length()));
    }
}
