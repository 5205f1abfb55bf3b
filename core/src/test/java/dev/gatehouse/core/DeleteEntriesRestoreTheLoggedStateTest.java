package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.ports.in.ChannelUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewAlert;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.in.NewDashboard;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.in.NewVariable;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.NotifyWhen;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import dev.gatehouse.ports.model.WebhookFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A DELETE entry removes exactly the state its record's earlier entries established, field for field, so that the
 * log alone could restore what a deletion took: for a channel, and for everything a project's deletion takes with it.
 */
class DeleteEntriesRestoreTheLoggedStateTest {

    private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

    private final MutableClock clock = MutableClock.at2030();
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final Gatehouse gatehouse = Gatehouse.builder()
            .storage(storage)
            .clock(clock)
            .lastUsedFlushInterval(Duration.ofHours(1))
            .queryChecker(sql -> { })
            .build();
    private final IssuedCredential adminKey = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
    private final Principal admin =
            ((VerifyResult.Verified) gatehouse.verifier().verify(adminKey.token())).principal();

    @AfterEach
    void close() {
        gatehouse.close();
    }

    @Test
    void aChannelsDeleteEntryRemovesWhatItsInsertAndUpdatesRecorded() {
        ChannelId channel = gatehouse.channels().create(admin, new NewChannel("hook",
                new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, "https://hooks.example.com/a"))).channel().id();
        later();
        gatehouse.channels().update(admin, channel, new ChannelUpdate(Change.to("renamed"),
                Change.to(new ChannelConfig.Webhook(WebhookFormat.AUTO, "https://hooks.example.com/b")), Change.keep()));
        later();

        gatehouse.channels().delete(admin, channel);

        assertEveryDeleteRemovesTheLoggedState(1);
    }

    @Test
    void theDeleteEntriesOfAProjectsContentsRemoveWhatTheirEntriesRecorded() {
        Project project = gatehouse.projects().create(admin, NewProject.named("doomed"));
        gatehouse.credentials().createToken(admin,
                new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, "expiring", FAR_FUTURE.minusSeconds(1)));
        IssuedCredential revoked = gatehouse.credentials().createToken(admin,
                new NewProjectToken(project.id(), CredentialKind.READ_TOKEN, "revoked", null));
        IssuedCredential bound = gatehouse.credentials().createApiKey(admin,
                new NewApiKey("bound", "a bound key", Set.of(Scope.PROJECT_READ), project.id(), null));
        gatehouse.alerts().create(admin, project.id(), new NewAlert("alert", "an alert", "SELECT 1",
                Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ZERO, NotifyWhen.HAS_MATCHES, true, null, null));
        gatehouse.dashboards().create(admin, project.id(), new NewDashboard("Board", "board",
                "{\"kind\":\"Dashboard\",\"spec\":{\"panels\":{}}}"));
        gatehouse.variables().create(admin, project.id(), new NewVariable("flag", "a flag",
                "{\"type\":\"boolean\"}", null, new Rollout(Map.of(), 1.0), List.of(), List.of("old_flag"), "true",
                true, Map.of()));
        later();
        gatehouse.credentials().revoke(admin, CredentialTarget.token(project.id(), CredentialKind.READ_TOKEN,
                revoked.credential().id()));
        gatehouse.credentials().expire(admin, CredentialTarget.apiKey(bound.credential().id()));
        later();

        gatehouse.projects().delete(admin, project.id());

        assertEveryDeleteRemovesTheLoggedState(7);
    }

    private void later() {
        clock.advance(Duration.ofMinutes(1));
    }

    /** Replays each deleted record's earlier entries and compares the state they leave with what its DELETE removes. */
    private void assertEveryDeleteRemovesTheLoggedState(int deletes) {
        List<AuditEntry> entries = storage.audit().list(admin.organizationId(), Instant.EPOCH, FAR_FUTURE, null,
                Integer.MAX_VALUE);
        List<AuditEntry> deleteEntries = entries.stream().filter(entry -> entry.action() == AuditAction.DELETE).toList();
        assertThat(deleteEntries).hasSize(deletes);
        for (AuditEntry delete : deleteEntries) {
            Map<String, String> logged = new LinkedHashMap<>();
            entries.stream()
                    .filter(entry -> entry.recordId().equals(delete.recordId()) && entry.action() != AuditAction.DELETE)
                    .flatMap(entry -> entry.changes().stream())
                    .forEach(change -> {
                        if (change.newValue() == null) {
                            logged.remove(change.field());
                        } else {
                            logged.put(change.field(), change.newValue());
                        }
                    });
            Map<String, String> removed = new LinkedHashMap<>();
            for (FieldChange change : delete.changes()) {
                assertThat(change.newValue()).as(delete.resourceType() + " " + change.field()).isNull();
                removed.put(change.field(), change.oldValue());
            }
            assertThat(logged).as("what the entries of %s %s established", delete.resourceType(), delete.recordId())
                    .isNotEmpty();
            assertThat(removed).as("what the DELETE of %s %s removes", delete.resourceType(), delete.recordId())
                    .isEqualTo(logged);
        }
    }
}
