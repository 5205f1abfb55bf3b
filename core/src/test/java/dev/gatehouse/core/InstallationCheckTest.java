package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.model.GatehouseException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A Gatehouse refuses a store first started with another pepper or master secret, and keeps no secret to tell. */
class InstallationCheckTest {

    private static final byte[] PEPPER = "the pepper of this installation".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_PEPPER = "the pepper of another installation".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MASTER = "the master secret of this installation".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_MASTER = "the master secret of another one, too".getBytes(StandardCharsets.UTF_8);

    private final InMemoryStorage storage = InMemoryStorage.create();

    @Test
    void theSecretsOfTheFirstStartAreRequiredOfEveryLaterOne() {
        start(PEPPER, MASTER).close();

        start(PEPPER, MASTER).close();
        start(PEPPER, null).close();

        assertThatThrownBy(() -> start(OTHER_PEPPER, MASTER)).isInstanceOf(GatehouseException.class)
                .hasMessage("this store's installation was first started with another pepper, so none of its tokens"
                        + " would verify: start with the pepper it was first started with");
        assertThatThrownBy(() -> start(null, MASTER)).isInstanceOf(GatehouseException.class)
                .hasMessageStartingWith("this store's installation was first started with a pepper,");
        assertThatThrownBy(() -> start(PEPPER, OTHER_MASTER)).isInstanceOf(GatehouseException.class)
                .hasMessageStartingWith("this store's installation was first started with another master secret,");
    }

    @Test
    void anInstallationWithoutAPepperRefusesOne() {
        start(null, null).close();

        assertThatThrownBy(() -> start(PEPPER, null)).isInstanceOf(GatehouseException.class)
                .hasMessageStartingWith("this store's installation was first started without a pepper,");
    }

    @Test
    void aMasterSecretIsKeptOnlyWhenGivenSinceOtherwiseEachProcessMakesItsOwn() {
        start(PEPPER, null).close();
        start(PEPPER, null).close();

        start(PEPPER, MASTER).close();

        assertThatThrownBy(() -> start(PEPPER, OTHER_MASTER)).isInstanceOf(GatehouseException.class);
    }

    @Test
    void theKeptFingerprintsShowNeitherSecret() {
        start(PEPPER, MASTER).close();

        String pepperPrint = storage.fingerprints().keepFirst(InstallationCheck.PEPPER, "probe");
        String masterPrint = storage.fingerprints().keepFirst(InstallationCheck.MASTER_SECRET, "probe");

        assertThat(pepperPrint).hasSize(64).isNotEqualTo(masterPrint);
        for (byte[] secret : new byte[][] {PEPPER, MASTER}) {
            assertThat(pepperPrint + masterPrint).doesNotContain(HexFormat.of().formatHex(secret).substring(0, 16))
                    .doesNotContain(new String(secret, StandardCharsets.UTF_8));
        }
    }

    private Gatehouse start(byte[] pepper, byte[] masterSecret) {
        Gatehouse.Builder builder = Gatehouse.builder().storage(storage).queryChecker(sql -> { });
        if (pepper != null) {
            builder = builder.pepper(pepper);
        }
        if (masterSecret != null) {
            builder = builder.masterSecret(masterSecret);
        }
        return builder.build();
    }
}
