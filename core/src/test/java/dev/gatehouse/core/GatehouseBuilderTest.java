package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.model.Organization;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatehouseBuilderTest {

    @Test
    void aStorageIsRequired() {
        assertThatThrownBy(() -> Gatehouse.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badSettingsAreRefusedWhenGiven() {
        Gatehouse.Builder builder = Gatehouse.builder();

        for (String prefix : new String[] {null, "g", "GTH", "g_h", "abcdefghijk"}) {
            assertThatThrownBy(() -> builder.tokenPrefix(prefix)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> builder.pepper(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.verificationCache(-1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.verificationCache(1, Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.lastUsedFlushInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingTheGatehouseLeavesTheStorageOpenForItsOwner() {
        InMemoryStorage storage = InMemoryStorage.create();
        Gatehouse gatehouse = Gatehouse.builder().storage(storage).tokenPrefix("ab12").build();
        gatehouse.bootstrap().bootstrapIfEmpty("acme");

        gatehouse.close();
        gatehouse.close();

        assertThat(storage.organizations().list()).extracting(Organization::name).containsExactly("acme");
    }
}
