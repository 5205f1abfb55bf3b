package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first start shows the admin key once, on standard output only; later starts show nothing secret. */
class BootstrapperTest {

    private final InMemoryStorage storage = InMemoryStorage.create();
    private final Gatehouse gatehouse = Gatehouse.builder().storage(storage).build();

    @AfterEach
    void close() {
        gatehouse.close();
        storage.close();
    }

    @Test
    void theFirstStartPrintsAWorkingAdminKeyOnceAndLogsOnlyItsPrefix() {
        StringWriter out = new StringWriter();
        String logs;
        try (LogCapture capture = new LogCapture()) {
            Bootstrapper.bootstrapIfEmpty(gatehouse, "acme", new PrintWriter(out));
            logs = capture.text();
        }

        List<String> printed = Tokens.in(out.toString());
        assertThat(printed).hasSize(1);
        String admin = printed.get(0);
        assertThat(out.toString()).contains(Bootstrapper.BANNER_TITLE).contains("Organization 'acme'");
        assertThat(gatehouse.verifier().verify(admin, Scope.ORGANIZATION_CREATE_API_KEY))
                .isInstanceOf(VerifyResult.Verified.class);
        assertThat(logs).contains("Set up organization 'acme'").contains(admin.substring(0, 12))
                .doesNotContain(admin);
        assertThat(gatehouse.organizations().findByName("acme")).isPresent();
    }

    @Test
    void anAdminKeyThatCannotBeWrittenOutStopsTheStartAndSaysHowToIssueAnother() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("standard output is closed");
            }
        };

        assertThatThrownBy(() -> Bootstrapper.bootstrapIfEmpty(gatehouse, "acme", new PrintWriter(closed)))
                .isInstanceOf(GatehouseException.class)
                .hasMessageContaining("could not be written to standard output")
                .hasMessageContaining("gatehouse admin create-key --org acme")
                .hasMessageNotContaining("gth_");
    }

    @Test
    void aLaterStartPrintsNothing() {
        Bootstrapper.bootstrapIfEmpty(gatehouse, "acme", new PrintWriter(new StringWriter()));
        StringWriter out = new StringWriter();
        String logs;
        try (LogCapture capture = new LogCapture()) {
            Bootstrapper.bootstrapIfEmpty(gatehouse, "acme", new PrintWriter(out));
            logs = capture.text();
        }

        assertThat(out.toString()).isEmpty();
        assertThat(logs).contains("already set up (1 organization(s))").doesNotContain("gth_");
        assertThat(gatehouse.organizations().all()).hasSize(1);
    }
}
