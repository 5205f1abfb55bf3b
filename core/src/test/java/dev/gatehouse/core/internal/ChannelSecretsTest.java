package dev.gatehouse.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.gatehouse.ports.model.StorageException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ChannelSecretsTest {

    private static final byte[] MASTER = bytes(32, 7);
    private static final String CONTEXT = "channel 1 config.webhook.url";
    private static final String URL = "https://hooks.slack.com/services/T000/B000/XXXXXXXX";

    private final ChannelSecrets secrets = new ChannelSecrets(MASTER, new SecureRandom());

    @Test
    void whatIsEncryptedDecryptsUnderTheSameMasterSecretAndContext() {
        String stored = secrets.encrypt(URL, CONTEXT);

        assertThat(stored).startsWith("v1:").doesNotContain("hooks.slack.com").doesNotContain("XXXXXXXX");
        assertThat(secrets.decrypt(stored, CONTEXT)).isEqualTo(URL);
        assertThat(new ChannelSecrets(MASTER.clone(), new SecureRandom()).decrypt(stored, CONTEXT)).isEqualTo(URL);
    }

    @Test
    void theStoredFormIsVersionThenBase64OfA12ByteNonceTheCiphertextAndA16ByteTag() {
        String stored = secrets.encrypt("abc", CONTEXT);

        byte[] decoded = Base64.getDecoder().decode(stored.substring("v1:".length()));
        assertThat(decoded).hasSize(12 + 3 + 16);
        assertThat(ChannelSecrets.isEncrypted(stored)).isTrue();
        assertThat(ChannelSecrets.isEncrypted(URL)).isFalse();
        assertThat(ChannelSecrets.isEncrypted("v1:not base64!")).isFalse();
    }

    @Test
    void eachEncryptionUsesAFreshNonceSoTheSameSecretNeverLooksTheSameTwice() {
        String first = secrets.encrypt(URL, CONTEXT);
        String second = secrets.encrypt(URL, CONTEXT);

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOf(decode(first), 12)).isNotEqualTo(Arrays.copyOf(decode(second), 12));
    }

    @Test
    void aCiphertextBuiltIndependentlyByTheSpecificationDecrypts() throws Exception {
        byte[] key = hkdfSha256(MASTER, "gatehouse/channel-secrets/aes-256-gcm/v1".getBytes(StandardCharsets.US_ASCII));
        byte[] nonce = bytes(12, 3);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(CONTEXT.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(URL.getBytes(StandardCharsets.UTF_8));
        String stored = "v1:" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());

        assertThat(secrets.decrypt(stored, CONTEXT)).isEqualTo(URL);
    }

    @Test
    void anotherMasterSecretCannotDecryptAndTheErrorNamesTheCauseWithoutTheSecret() {
        String stored = secrets.encrypt(URL, CONTEXT);
        ChannelSecrets other = new ChannelSecrets(bytes(32, 8), new SecureRandom());

        assertThatThrownBy(() -> other.decrypt(stored, CONTEXT))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("another master secret")
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(URL).doesNotContain(stored));
    }

    @Test
    void aCiphertextDoesNotDecryptInAnotherContextOrOnceAltered() {
        String stored = secrets.encrypt(URL, CONTEXT);
        byte[] altered = decode(stored);
        altered[20] ^= 1;

        assertThatThrownBy(() -> secrets.decrypt(stored, "channel 2 config.webhook.url"))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> secrets.decrypt("v1:" + Base64.getEncoder().encodeToString(altered), CONTEXT))
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> secrets.decrypt(URL, CONTEXT))
                .isInstanceOf(StorageException.class)
                .satisfies(e -> assertThat(messagesOf(e)).doesNotContain(URL));
    }

    @Test
    void aMasterSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new ChannelSecrets(bytes(31, 1), new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void anyTextRoundTripsAndNeverAppearsInItsStoredForm() {
        qt().withExamples(200).forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(4, 300)).checkAssert(plaintext -> {
            String stored = secrets.encrypt(plaintext, CONTEXT);
            assertThat(secrets.decrypt(stored, CONTEXT)).isEqualTo(plaintext);
            assertThat(stored.substring(3)).doesNotContain(plaintext);
        });
    }

    /** RFC 5869 with an empty salt, written out with the JDK's HMAC: extract, then one expansion block. */
    private static byte[] hkdfSha256(byte[] inputKey, byte[] info) throws Exception {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        byte[] pseudoRandomKey = extract.doFinal(inputKey);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
        expand.update(info);
        expand.update((byte) 1);
        return expand.doFinal();
    }

    private static byte[] decode(String stored) {
        return Base64.getDecoder().decode(stored.substring("v1:".length()));
    }

    private static String messagesOf(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t).append('\n');
        }
        return messages.toString();
    }

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
