package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.WebhookFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key file in a running server on an embedded H2 store: made on the first start, it lets every later
 * start read the channel secrets stored before; another key cannot, and an exposed key file stops the start.
 */
class MasterKeyIT {

    private static final String URL = "https://hooks.slack.com/services/T/B/XYZ";

    @TempDir
    Path temp;

    @Test
    void channelSecretsSurviveARestartUnderTheSameKeyFileAndAnotherKeyIsRefusedAtStart() throws IOException {
        Path data = temp.resolve("data");
        GatehouseSettings settings = new GatehouseSettings(new StorageChoice.H2File(data), null, null,
                data.resolve("master.key"));
        ChannelId[] created = new ChannelId[1];

        run(settings, useCases -> created[0] = useCases.channels().create(operator(useCases), new NewChannel("Slack",
                new ChannelConfig.Webhook(WebhookFormat.AUTO, URL))).channel().id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("master.key"))))
                .isEqualTo("rw-------");
        run(settings, useCases -> assertThat(useCases.channels().get(operator(useCases), created[0]).channel()
                .config()).isEqualTo(new ChannelConfig.Webhook(WebhookFormat.AUTO, "https://hooks.slack.com/**********")));

        Path otherKey = Files.write(temp.resolve("other.key"), new byte[32]);
        Files.setPosixFilePermissions(otherKey, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> run(new GatehouseSettings(settings.storage(), null, null, otherKey), useCases -> {
        }))
                .hasMessageContaining("first started with another master secret, so none of its channel secrets"
                        + " could be read");
        run(settings, useCases -> assertThat(useCases.channels().get(operator(useCases), created[0]).channel()
                .config()).isEqualTo(new ChannelConfig.Webhook(WebhookFormat.AUTO, "https://hooks.slack.com/**********")));
    }

    @Test
    void aMissingKeyFileOnAStoreThatHoldsAnInstallationStopsTheServerAndIsNotCreated() {
        Path data = temp.resolve("data");
        run(new GatehouseSettings(new StorageChoice.H2File(data), null, null, data.resolve("master.key")),
                useCases -> useCases.channels().create(operator(useCases), new NewChannel("Slack",
                        new ChannelConfig.Webhook(WebhookFormat.AUTO, URL))));
        Path missing = temp.resolve("never-copied.key");
        GatehouseSettings withoutItsKey = new GatehouseSettings(new StorageChoice.H2File(data), null, null, missing);

        assertThatThrownBy(() -> run(withoutItsKey, useCases -> { }))
                .hasMessageContaining("the master key file " + missing + " does not exist, but this store already"
                        + " holds an installation");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aKeyFileThatOthersMayReadStopsTheServerBeforeItListens() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path key = Files.write(data.resolve("master.key"), new byte[32]);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = GatehouseCli.execute(Map.of("GATEHOUSE_DATA_DIR", data.toString()), new PrintWriter(out, true),
                new PrintWriter(err, true), "serve", "--port", "0");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("error: the master key file " + key
                + " has permissions rw-r--r--, where only its owner's reading and writing are allowed");
        assertThat(out.toString()).as("nothing was bootstrapped").isEmpty();
    }

    /** Starts a server with {@code settings}, hands its use cases to {@code work}, and stops it. */
    private static void run(GatehouseSettings settings, Consumer<UseCases> work) {
        GatehouseServer server = GatehouseServer.start(settings, 0, "acme", new PrintWriter(new StringWriter()));
        try {
            work.accept(server.useCases());
        } finally {
            server.stop();
        }
    }

    private static Principal operator(UseCases useCases) {
        return Principal.operator(useCases.organizations().findByName("acme").orElseThrow().id());
    }
}
