package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.in.AlertUpdate;
import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.ChannelUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.DashboardUpdate;
import dev.gatehouse.ports.in.NewAlert;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.in.NewDashboard;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewVariable;
import dev.gatehouse.ports.in.ProjectUpdate;
import dev.gatehouse.ports.in.VariableUpdate;
import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.NotifyWhen;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VerifyResult;
import dev.gatehouse.ports.model.WebhookFormat;
import dev.gatehouse.ports.out.AlertStore;
import dev.gatehouse.ports.out.ChannelStore;
import dev.gatehouse.ports.out.CredentialStore;
import dev.gatehouse.ports.out.DashboardStore;
import dev.gatehouse.ports.out.ProjectStore;
import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.ports.out.VariableStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each update bases its write on the store's locking read: when the plain reads of a row answer the copy from before
 * another update committed, as an unlocked read racing with that update may, the change that update made survives.
 */
class UpdatesBuildOnTheLockedReadTest {

    private static final byte[] MASTER =
            "a master secret of at least 32 bytes, for tests".getBytes(StandardCharsets.UTF_8);
    private static final String DEFINITION = "{\"kind\":\"Dashboard\",\"spec\":{\"panels\":{}}}";
    private static final String OTHER_DEFINITION = "{\"kind\":\"Dashboard\",\"spec\":{\"panels\":{\"a\":{}}}}";

    private final StaleReads storage = new StaleReads(InMemoryStorage.create());
    private final Gatehouse gatehouse = Gatehouse.builder()
            .storage(storage)
            .clock(MutableClock.at2030())
            .masterSecret(MASTER)
            .queryChecker(sql -> { })
            .build();
    private final IssuedCredential admin = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
    private final Principal operator = Principal.operator(admin.credential().organizationId());
    private final Project project = gatehouse.projects().create(operator, NewProject.named("checkout"));

    @AfterEach
    void close() {
        gatehouse.close();
    }

    @Test
    void anAlertUpdateKeepsTheRenameCommittedBeforeIt() {
        Alert created = gatehouse.alerts().create(operator, project.id(), new NewAlert("A", null, "SELECT 1",
                Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ZERO, NotifyWhen.HAS_MATCHES, true, null,
                List.of())).alert();
        gatehouse.alerts().update(operator, project.id(), created.id(), alertUpdate(Change.to("B"), Change.keep()));

        storage.serveStale(created);
        gatehouse.alerts().update(operator, project.id(), created.id(), alertUpdate(Change.keep(), Change.to(false)));
        storage.serveCurrent();

        Alert alert = gatehouse.alerts().get(operator, project.id(), created.id()).alert();
        assertThat(alert.name()).isEqualTo("B");
        assertThat(alert.active()).isFalse();
    }

    @Test
    void aChannelUpdateKeepsTheRelabelCommittedBeforeIt() {
        Channel created = gatehouse.channels().create(operator, new NewChannel("A",
                new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, "https://hooks.slack.com/services/T/B/X")))
                .channel();
        Channel stored = storage.delegate.channels().findById(created.id()).orElseThrow();
        gatehouse.channels().update(operator, created.id(),
                new ChannelUpdate(Change.to("B"), Change.keep(), Change.keep()));

        storage.serveStale(stored);
        gatehouse.channels().update(operator, created.id(),
                new ChannelUpdate(Change.keep(), Change.keep(), Change.to(false)));
        storage.serveCurrent();

        Channel channel = gatehouse.channels().get(operator, created.id()).channel();
        assertThat(channel.label()).isEqualTo("B");
        assertThat(channel.active()).isFalse();
    }

    @Test
    void aChannelDeletionRecordsTheChannelAsTheLockedReadSeesIt() {
        Channel created = gatehouse.channels().create(operator, new NewChannel("A",
                new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, "https://hooks.slack.com/services/T/B/X")))
                .channel();
        Channel stored = storage.delegate.channels().findById(created.id()).orElseThrow();
        gatehouse.channels().update(operator, created.id(),
                new ChannelUpdate(Change.to("B"), Change.keep(), Change.keep()));

        storage.serveStale(stored);
        gatehouse.channels().delete(operator, created.id());
        storage.serveCurrent();

        List<AuditEntry> entries = storage.delegate.audit().list(operator.organizationId(), Instant.EPOCH,
                Instant.parse("2999-01-01T00:00:00Z"), AuditAction.DELETE, 10);
        assertThat(entries).singleElement().satisfies(entry ->
                assertThat(entry.changes()).contains(new FieldChange("label", "B", null)));
    }

    @Test
    void aVariableUpdateKeepsTheDescriptionCommittedBeforeIt() {
        Variable created = gatehouse.variables().create(operator, project.id(), NewVariable.named("greeting"))
                .variable();
        gatehouse.variables().update(operator, project.id(), "greeting", variableUpdate(Change.to("B"),
                Change.keep()));

        storage.serveStale(created);
        gatehouse.variables().update(operator, project.id(), "greeting", variableUpdate(Change.keep(),
                Change.to("\"hi\"")));
        storage.serveCurrent();

        Variable variable = gatehouse.variables().get(operator, project.id(), "greeting").variable();
        assertThat(variable.description()).isEqualTo("B");
        assertThat(variable.example()).isEqualTo("\"hi\"");
    }

    @Test
    void anUnversionedDashboardUpdateAppliesToTheVersionCommittedBeforeIt() {
        Dashboard created = gatehouse.dashboards().create(operator, project.id(),
                new NewDashboard("A", "board", DEFINITION)).dashboard();
        gatehouse.dashboards().update(operator, project.id(), created.id(),
                new DashboardUpdate(Change.to("B"), Change.keep(), null));

        storage.serveStale(created);
        Dashboard updated = gatehouse.dashboards().update(operator, project.id(), created.id(),
                new DashboardUpdate(Change.keep(), Change.to(OTHER_DEFINITION), null)).dashboard();
        storage.serveCurrent();

        assertThat(updated.version()).isEqualTo(3);
        assertThat(gatehouse.dashboards().get(operator, project.id(), created.id()).dashboard())
                .isEqualTo(updated)
                .satisfies(dashboard -> {
                    assertThat(dashboard.name()).isEqualTo("B");
                    assertThat(dashboard.definitionJson()).isEqualTo(OTHER_DEFINITION);
                });
    }

    @Test
    void aDashboardUpdateAtTheVersionAnotherUpdateReplacedStillConflicts() {
        Dashboard created = gatehouse.dashboards().create(operator, project.id(),
                new NewDashboard("A", "board", DEFINITION)).dashboard();
        gatehouse.dashboards().update(operator, project.id(), created.id(),
                new DashboardUpdate(Change.to("B"), Change.keep(), created.version()));

        storage.serveStale(created);
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> gatehouse.dashboards().update(operator,
                project.id(), created.id(), new DashboardUpdate(Change.keep(), Change.to(OTHER_DEFINITION),
                        created.version())));
        storage.serveCurrent();

        Dashboard stored = gatehouse.dashboards().get(operator, project.id(), created.id()).dashboard();
        assertThat(stored.name()).isEqualTo("B");
        assertThat(stored.definitionJson()).isEqualTo(DEFINITION);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void aDashboardDeletionRecordsTheDashboardAsTheLockedReadSeesIt() {
        Dashboard created = gatehouse.dashboards().create(operator, project.id(),
                new NewDashboard("A", "board", DEFINITION)).dashboard();
        gatehouse.dashboards().update(operator, project.id(), created.id(),
                new DashboardUpdate(Change.to("B"), Change.keep(), null));

        storage.serveStale(created);
        gatehouse.dashboards().delete(operator, project.id(), created.id());
        storage.serveCurrent();

        List<AuditEntry> entries = storage.delegate.audit().list(operator.organizationId(), Instant.EPOCH,
                Instant.parse("2999-01-01T00:00:00Z"), AuditAction.DELETE, 10);
        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.changes()).contains(
                new FieldChange("dashboard_name", "B", null), new FieldChange("version", "2", null)));
    }

    @Test
    void aProjectUpdateKeepsTheRenameCommittedBeforeIt() {
        Project created = gatehouse.projects().create(operator, NewProject.named("first"));
        gatehouse.projects().update(operator, created.id(),
                new ProjectUpdate(Change.to("second"), Change.keep(), Change.keep(), Change.keep()));

        storage.serveStale(created);
        gatehouse.projects().update(operator, created.id(),
                new ProjectUpdate(Change.keep(), Change.to("described"), Change.keep(), Change.keep()));
        storage.serveCurrent();

        Project updated = gatehouse.projects().get(operator, created.id());
        assertThat(updated.name()).isEqualTo("second");
        assertThat(updated.description()).isEqualTo("described");
    }

    @Test
    void anApiKeyUpdateKeepsTheRevocationCommittedBeforeIt() {
        IssuedCredential key = gatehouse.credentials().createApiKey(operator,
                new NewApiKey("key", null, Set.of(Scope.PROJECT_READ), null, null));
        gatehouse.credentials().revoke(operator, CredentialTarget.apiKey(key.credential().id()));

        storage.serveStale(key.credential());
        gatehouse.credentials().updateApiKey(operator, CredentialTarget.apiKey(key.credential().id()),
                new ApiKeyUpdate(Change.to("renamed"), Change.keep(), Change.keep()));
        storage.serveCurrent();

        assertThat(gatehouse.verifier().verify(key.token())).isEqualTo(VerifyResult.Denied.because(
                DenialReason.REVOKED));
    }

    private static AlertUpdate alertUpdate(Change<String> name, Change<Boolean> active) {
        return new AlertUpdate(name, Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), active, Change.keep(), Change.keep());
    }

    private static VariableUpdate variableUpdate(Change<String> description, Change<String> example) {
        return new VariableUpdate(Change.keep(), description, Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), example, Change.keep(), Change.keep());
    }

    /**
     * A storage whose plain reads by id or name answer, for one chosen row, a copy taken earlier, while
     * {@code findByIdForUpdate} and every write see the rows as they are. Not thread-safe: one test thread drives it.
     */
    private static final class StaleReads extends ForwardingStorage {

        private Object staleRow;

        StaleReads(Storage delegate) {
            super(delegate);
        }

        void serveStale(Object row) {
            staleRow = row;
        }

        void serveCurrent() {
            staleRow = null;
        }

        @Override
        public ProjectStore projects() {
            return stale(ProjectStore.class, delegate.projects());
        }

        @Override
        public CredentialStore credentials() {
            return stale(CredentialStore.class, delegate.credentials());
        }

        @Override
        public ChannelStore channels() {
            return stale(ChannelStore.class, delegate.channels());
        }

        @Override
        public AlertStore alerts() {
            return stale(AlertStore.class, delegate.alerts());
        }

        @Override
        public DashboardStore dashboards() {
            return stale(DashboardStore.class, delegate.dashboards());
        }

        @Override
        public VariableStore variables() {
            return stale(VariableStore.class, delegate.variables());
        }

        /** {@code store}, with its {@code findById} and {@code findByName} answering the stale copy of its row. */
        private <T> T stale(Class<T> port, T store) {
            return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                    (proxy, method, arguments) -> {
                        Object result;
                        try {
                            result = method.invoke(store, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        boolean plainRead = method.getName().equals("findById")
                                || method.getName().equals("findByName");
                        if (plainRead && result instanceof Optional<?> found && found.isPresent()
                                && staleRow != null && idOf(found.get()).equals(idOf(staleRow))) {
                            return Optional.of(staleRow);
                        }
                        return result;
                    }));
        }

        private static Object idOf(Object row) throws ReflectiveOperationException {
            return row.getClass().getMethod("id").invoke(row);
        }
    }
}
