package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.out.QueryChecker;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aBuildThatFailsLeavesNoBackgroundThreadRunning(@TempDir Path classpath) throws IOException {
        Path services = classpath.resolve("META-INF/services/" + QueryChecker.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "dev.gatehouse.NoSuchQueryChecker\n");
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        Thread current = Thread.currentThread();
        ClassLoader original = current.getContextClassLoader();
        try (URLClassLoader broken = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, original)) {
            current.setContextClassLoader(broken);
            Gatehouse.Builder builder = Gatehouse.builder().storage(InMemoryStorage.create());

            assertThatThrownBy(builder::build).isInstanceOf(ServiceConfigurationError.class);
        } finally {
            current.setContextClassLoader(original);
        }

        List<String> started = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive())
                .map(Thread::getName)
                .filter(name -> name.startsWith("gatehouse-"))
                .toList();
        assertThat(started).isEmpty();
    }
}
