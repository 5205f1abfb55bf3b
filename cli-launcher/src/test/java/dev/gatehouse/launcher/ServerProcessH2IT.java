package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.jdbc.JdbcStorage;
import dev.gatehouse.ports.out.Storage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged server over an embedded H2 store in a temporary data directory. */
class ServerProcessH2IT extends ServerProcessContract {

    @Override
    List<String> storageOptions() {
        return List.of("--data-dir", temp.resolve("data").toString());
    }

    @Override
    Storage openStore() {
        return JdbcStorage.h2File(temp.resolve("data").resolve(StorageChoice.H2File.DATABASE_NAME));
    }

    @Test
    void createKeyOnAStoreThatARunningServerHoldsFailsClearlyAndChangesNothing() {
        GatehouseProcess server = start();
        server.awaitListening(START_TIMEOUT);

        GatehouseProcess createKey = run(List.of("admin", "create-key", "--data-dir", temp.resolve("data").toString(),
                "--pepper-file", pepperFile.toString(), "--org", "default", "--name", "ci", "--scope", "project:read"));

        assertThat(createKey.awaitExit(Duration.ofSeconds(30))).as(createKey.output()).isEqualTo(1);
        assertThat(createKey.stdout()).isEmpty();
        assertThat(createKey.stderr()).contains("error: cannot connect to H2 database")
                .contains("stop the server using it first");
    }
}
