package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static dev.gatehouse.testkit.TestData.T0_IN_MICROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.out.AuditStore;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link AuditStore}: an append-only log, read by id or by organization within a window
 * {@code [from, to)}, oldest first.
 */
public abstract class AuditStoreContract extends StorageContract {

    private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    void anAppendedEntryIsFoundById() {
        Organization organization = givenOrganization();
        AuditEntry entry = TestData.auditEntry(organization.id(), AuditAction.INSERT, T0);

        audit().append(entry);

        assertThat(audit().findById(entry.id())).contains(entry);
    }

    @Test
    void anUnknownIdIsNotFound() {
        Organization organization = givenOrganization();
        audit().append(TestData.auditEntry(organization.id(), AuditAction.INSERT, T0));

        assertThat(audit().findById(AuditEntryId.random())).isEmpty();
    }

    @Test
    void everyFieldRoundTripsWithCreatedAtAtMicrosecondPrecision() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential actor = given(TestData.projectApiKey(project).build());
        AuditEntry entry = new AuditEntry(AuditEntryId.random(), organization.id(), project.id(),
                AuditAction.UPDATE, "write_token", actor.id().toString(), actor.id(), T0,
                List.of(new FieldChange("description", "before", "after")));

        audit().append(entry);

        AuditEntry found = audit().findById(entry.id()).orElseThrow();
        assertThat(found).isEqualTo(entry);
        assertThat(found.createdAt()).isEqualTo(T0_IN_MICROS);
    }

    @Test
    void unsetOptionalFieldsRoundTripAsNullAndNoChangesAsEmpty() {
        Organization organization = givenOrganization();
        AuditEntry entry = new AuditEntry(AuditEntryId.random(), organization.id(), null, AuditAction.FAILED_LOGIN,
                "credential", null, null, T0, List.of());

        audit().append(entry);

        AuditEntry found = audit().findById(entry.id()).orElseThrow();
        assertThat(found).isEqualTo(entry);
        assertThat(found.projectId()).isNull();
        assertThat(found.recordId()).isNull();
        assertThat(found.actorId()).isNull();
        assertThat(found.changes()).isEmpty();
    }

    @Test
    void fieldChangesRoundTripInOrderIncludingNullAndEmptyValues() {
        Organization organization = givenOrganization();
        List<FieldChange> changes = List.of(
                new FieldChange("zeta", null, "created"),
                new FieldChange("alpha", "removed", null),
                new FieldChange("mu", "old ünïcode ✓", "new"),
                new FieldChange("beta", null, null),
                new FieldChange("gamma", "", "not empty"),
                new FieldChange("alpha", "repeated", "field"));
        AuditEntry entry = new AuditEntry(AuditEntryId.random(), organization.id(), null, AuditAction.UPDATE,
                "project", "record", null, T0, changes);

        audit().append(entry);

        assertThat(audit().findById(entry.id()).orElseThrow().changes()).containsExactlyElementsOf(changes);
    }

    @Test
    void appendingATakenIdConflictsAndKeepsTheOriginal() {
        Organization organization = givenOrganization();
        AuditEntry original = TestData.auditEntry(organization.id(), AuditAction.INSERT, T0);
        audit().append(original);
        AuditEntry sameId = new AuditEntry(original.id(), organization.id(), null, AuditAction.DELETE, "project",
                "other", null, T0.plusSeconds(1), List.of(new FieldChange("name", "a", null)));

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> audit().append(sameId));

        assertThat(audit().findById(original.id())).contains(original);
        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 100)).containsExactly(original);
    }

    @Test
    void listIsOldestFirstWithEntriesOfOneInstantInTheOrderTheyWereAppended() {
        Organization organization = givenOrganization();
        AuditEntry oldest = TestData.auditEntry(organization.id(), AuditAction.INSERT, T0);
        List<AuditEntry> tied = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tied.add(TestData.auditEntry(organization.id(), AuditAction.UPDATE, T0.plusSeconds(1)));
        }
        // Appended in the reverse of their ids' order, so that neither order of ids could pass for the append order.
        List<AuditEntry> appendOrder = new ArrayList<>(TestData.sortedByIdText(tied, entry -> entry.id().value()));
        Collections.reverse(appendOrder);
        AuditEntry newest = TestData.auditEntry(organization.id(), AuditAction.DELETE, T0.plusSeconds(2));
        audit().append(newest);
        transactions().run(() -> appendOrder.forEach(audit()::append));
        audit().append(oldest);

        List<AuditEntry> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(appendOrder);
        expected.add(newest);
        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 100))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        Organization organization = givenOrganization();
        Instant from = T0_IN_MICROS;
        Instant to = T0_IN_MICROS.plusSeconds(10);
        AuditEntry justBefore = append(organization, AuditAction.INSERT, from.minusNanos(1_000));
        AuditEntry atStart = append(organization, AuditAction.INSERT, from);
        AuditEntry inside = append(organization, AuditAction.INSERT, from.plusSeconds(5));
        AuditEntry justBeforeEnd = append(organization, AuditAction.INSERT, to.minusNanos(1_000));
        AuditEntry atEnd = append(organization, AuditAction.INSERT, to);

        List<AuditEntry> listed = audit().list(organization.id(), from, to, null, 100);

        assertThat(listed).containsExactly(atStart, inside, justBeforeEnd).doesNotContain(justBefore, atEnd);
    }

    @Test
    void windowsAtTheEdgesOfTheSupportedYearsAreListed() {
        Organization organization = givenOrganization();
        AuditEntry first = append(organization, AuditAction.INSERT, Timestamps.EARLIEST);
        AuditEntry last = append(organization, AuditAction.INSERT, Timestamps.LATEST);

        assertThat(audit().list(organization.id(), Timestamps.EARLIEST, Timestamps.EARLIEST.plusSeconds(1), null,
                100)).containsExactly(first);
        assertThat(audit().list(organization.id(), Timestamps.LATEST.minusSeconds(1), Timestamps.LATEST, null, 100))
                .isEmpty();
        assertThat(audit().findById(last.id())).contains(last);
    }

    @Test
    void anEmptyWindowListsNothing() {
        Organization organization = givenOrganization();
        append(organization, AuditAction.INSERT, T0_IN_MICROS);

        assertThat(audit().list(organization.id(), T0_IN_MICROS, T0_IN_MICROS, null, 100)).isEmpty();
    }

    @Test
    void listFiltersByActionWhenOneIsGiven() {
        Organization organization = givenOrganization();
        AuditEntry insert = append(organization, AuditAction.INSERT, T0);
        AuditEntry update = append(organization, AuditAction.UPDATE, T0.plusSeconds(1));
        AuditEntry failedLogin = append(organization, AuditAction.FAILED_LOGIN, T0.plusSeconds(2));
        AuditEntry secondUpdate = append(organization, AuditAction.UPDATE, T0.plusSeconds(3));

        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, AuditAction.UPDATE, 100))
                .containsExactly(update, secondUpdate);
        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, AuditAction.DELETE, 100)).isEmpty();
        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 100))
                .containsExactly(insert, update, failedLogin, secondUpdate);
    }

    @Test
    void listReturnsAtMostLimitEntriesTheOldestFirst() {
        Organization organization = givenOrganization();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(append(organization, AuditAction.INSERT, T0.plusSeconds(i)));
        }

        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 3))
                .containsExactlyElementsOf(entries.subList(0, 3));
        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 1)).containsExactly(entries.get(0));
    }

    @Test
    void listAppliesTheLimitAfterTheActionFilter() {
        Organization organization = givenOrganization();
        append(organization, AuditAction.INSERT, T0);
        append(organization, AuditAction.INSERT, T0.plusSeconds(1));
        AuditEntry firstDelete = append(organization, AuditAction.DELETE, T0.plusSeconds(2));
        AuditEntry secondDelete = append(organization, AuditAction.DELETE, T0.plusSeconds(3));
        append(organization, AuditAction.DELETE, T0.plusSeconds(4));

        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, AuditAction.DELETE, 2))
                .containsExactly(firstDelete, secondDelete);
    }

    @Test
    void otherOrganizationsEntriesAreInvisible() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        AuditEntry own = append(organization, AuditAction.INSERT, T0);
        AuditEntry foreign = append(other, AuditAction.INSERT, T0);

        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 100)).containsExactly(own);
        assertThat(audit().list(other.id(), FAR_PAST, FAR_FUTURE, null, 100)).containsExactly(foreign);
    }

    @Test
    void entriesOutliveTheProjectAndCredentialTheyName() {
        Organization organization = givenOrganization();
        Project project = givenProject(organization);
        Credential actor = given(TestData.writeToken(project).build());
        AuditEntry entry = new AuditEntry(AuditEntryId.random(), organization.id(), project.id(), AuditAction.INSERT,
                "write_token", actor.id().toString(), actor.id(), T0, List.of(new FieldChange("scopes", null, "x")));
        audit().append(entry);

        projects().delete(project.id());

        assertThat(audit().findById(entry.id())).contains(entry);
        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 100)).containsExactly(entry);
    }

    @Test
    void theStoreOffersNoWayToUpdateOrDeleteAnEntry() {
        List<String> names = Arrays.stream(AuditStore.class.getMethods())
                .map(Method::getName)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();

        assertThat(names).contains("append")
                .noneMatch(name -> name.contains("update") || name.contains("delete") || name.contains("remove")
                        || name.contains("clear") || name.contains("replace") || name.contains("truncate"));
    }

    @Test
    @Timeout(60)
    void concurrentAppendsAllLand() throws InterruptedException {
        Organization organization = givenOrganization();
        Set<AuditEntry> appended = ConcurrentHashMap.newKeySet();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> {
            for (int n = 0; n < 10; n++) {
                AuditEntry entry = TestData.auditEntry(organization.id(), AuditAction.UPDATE, T0.plusMillis(n));
                audit().append(entry);
                appended.add(entry);
            }
        });

        assertThat(outcomes.failures()).isEmpty();
        assertThat(audit().list(organization.id(), FAR_PAST, FAR_FUTURE, null, 1_000))
                .hasSize(Concurrently.THREADS * 10)
                .containsExactlyInAnyOrderElementsOf(appended);
    }

    private AuditEntry append(Organization organization, AuditAction action, Instant createdAt) {
        AuditEntry entry = TestData.auditEntry(organization.id(), action, createdAt);
        audit().append(entry);
        return entry;
    }
}
