package dev.gatehouse.core;

import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.out.InstallationFingerprints;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refuses a start on a store whose installation was first started with another pepper or master secret, which could
 * verify none of its tokens or read none of its channels, by comparing one-way fingerprints of the secrets.
 */
final class InstallationCheck {

    static final String PEPPER = "pepper";
    static final String MASTER_SECRET = "master_secret";
    /** The pepper fingerprint of an installation that hashes tokens with plain SHA-256. */
    static final String NO_PEPPER = "none";

    private InstallationCheck() {
    }

    /**
     * Keeps the fingerprints of {@code pepper} (null for none) and of {@code masterSecret} (null when the host gave
     * none, so that each process makes its own) if the store has none yet, else compares them with the kept ones.
     *
     * @throws GatehouseException if either differs from the one the installation was first started with
     */
    static void require(InstallationFingerprints kept, byte[] pepper, byte[] masterSecret) {
        String pepperPrint = pepper == null ? NO_PEPPER : fingerprint(pepper, PEPPER);
        String keptPepper = kept.keepFirst(PEPPER, pepperPrint);
        if (!keptPepper.equals(pepperPrint)) {
            String first = keptPepper.equals(NO_PEPPER) ? "without a pepper"
                    : pepper == null ? "with a pepper" : "with another pepper";
            throw new GatehouseException("this store's installation was first started " + first + ", so none of its"
                    + " tokens would verify: start with the pepper it was first started with");
        }
        if (masterSecret != null) {
            String masterPrint = fingerprint(masterSecret, MASTER_SECRET);
            if (!kept.keepFirst(MASTER_SECRET, masterPrint).equals(masterPrint)) {
                throw new GatehouseException("this store's installation was first started with another master secret,"
                        + " so none of its channel secrets could be read, and channels written now could not be read"
                        + " by its other instances: start with the master secret it was first started with");
            }
        }
    }

    /** HMAC-SHA256 of a fixed text naming {@code purpose}, keyed by {@code secret}: it tells nothing of the secret. */
    private static String fingerprint(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] print = mac.doFinal(("gatehouse installation fingerprint: " + purpose)
                    .getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(print);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
