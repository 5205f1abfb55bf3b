package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code gatehouse serve} failing to start. */
class ServeCommandIT {

    @Test
    void aBusyPortIsAOneLineFailureThatShowsNoKey() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int exit = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> GatehouseCli.execute(Map.of(),
                    new PrintWriter(out, true), new PrintWriter(err, true),
                    "serve", "--in-memory", "--port", Integer.toString(busy.getLocalPort())));

            assertThat(exit).isEqualTo(1);
        }
        assertThat(err.toString()).startsWith("error: cannot listen on the HTTP port: Address already in use")
                .doesNotContain("\tat ");
        assertThat(out.toString()).as("no admin key is shown for a server that never started").isEmpty();
    }
}
