package dev.gatehouse.testkit;

import static dev.gatehouse.testkit.TestData.T0;
import static dev.gatehouse.testkit.TestData.T0_IN_MICROS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.PagerDutyRegion;
import dev.gatehouse.ports.model.WebhookFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of {@link dev.gatehouse.ports.out.ChannelStore}: every config type and field round-trips exactly (the
 * store neither reads nor changes the encrypted secrets it holds), the organization must exist, updates replace only
 * the mutable fields, and listing is oldest first within one organization.
 */
public abstract class ChannelStoreContract extends StorageContract {

    /** One config of every type, with every optional field set and unset, and lists of zero, one and many. */
    static List<ChannelConfig> everyKindOfConfig() {
        return List.of(
                new ChannelConfig.Webhook(WebhookFormat.AUTO, "v1:" + "A".repeat(80)),
                new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, "v1:b"),
                new ChannelConfig.Webhook(WebhookFormat.SLACK_LEGACY, "v1:c+/="),
                new ChannelConfig.Webhook(WebhookFormat.RAW_DATA, "v1:d"),
                new ChannelConfig.Opsgenie("v1:opsgenie", null),
                new ChannelConfig.Opsgenie("v1:opsgenie", "https://api.eu.opsgenie.com"),
                new ChannelConfig.Notification(List.of()),
                new ChannelConfig.Notification(List.of(UUID.randomUUID())),
                new ChannelConfig.Notification(List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())),
                new ChannelConfig.Email(List.of()),
                new ChannelConfig.Email(List.of("ops@example.com")),
                new ChannelConfig.Email(List.of("b@example.com", "a@example.com", "o'neil+alerts@sub.example.org")),
                new ChannelConfig.PagerDuty("v1:pd-us", PagerDutyRegion.US),
                new ChannelConfig.PagerDuty("v1:pd-eu", PagerDutyRegion.EU));
    }

    @Test
    void anInsertedChannelOfEveryConfigTypeIsFoundExactlyAsInserted() {
        Organization organization = givenOrganization();
        List<Channel> inserted = new ArrayList<>();
        for (ChannelConfig config : everyKindOfConfig()) {
            Channel channel = TestData.channel(organization.id(), config, T0);
            channels().insert(channel);
            inserted.add(channel);
        }

        for (Channel channel : inserted) {
            assertThat(channels().findById(channel.id())).as(channel.config().toString()).contains(channel);
        }
        assertThat(channels().listByOrganization(organization.id())).containsExactlyInAnyOrderElementsOf(inserted);
    }

    @Test
    void everyFieldRoundTripsWithTimestampsAtMicrosecondPrecision() {
        Organization organization = givenOrganization();
        CredentialId creator = CredentialId.random();
        CredentialId updater = CredentialId.random();
        Instant updated = Instant.parse("2031-12-31T23:59:59.999999999Z");
        Channel channel = new Channel(ChannelId.random(), organization.id(), "Ærøskøbing on-call ✓ " + "x".repeat(300),
                false, new ChannelConfig.Webhook(WebhookFormat.SLACK_LEGACY, "v1:" + "s".repeat(3000)), T0, creator,
                updated, updater);

        channels().insert(channel);

        Channel found = channels().findById(channel.id()).orElseThrow();
        assertThat(found).isEqualTo(channel);
        assertThat(found.createdAt()).isEqualTo(T0_IN_MICROS);
        assertThat(found.updatedAt()).isEqualTo(Instant.parse("2031-12-31T23:59:59.999999Z"));
        assertThat(found.createdBy()).isEqualTo(creator);
        assertThat(found.updatedBy()).isEqualTo(updater);
    }

    @Test
    void anUnknownIdIsNotFound() {
        channels().insert(TestData.channel(givenOrganization().id()));

        assertThat(channels().findById(ChannelId.random())).isEmpty();
    }

    @Test
    void insertingATakenIdConflictsAndKeepsTheOriginal() {
        Organization organization = givenOrganization();
        Channel original = TestData.channel(organization.id());
        channels().insert(original);
        Channel sameId = new Channel(original.id(), organization.id(), "another", false,
                new ChannelConfig.Email(List.of("ops@example.com")), T0.plusSeconds(1), null, null, null);

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> channels().insert(sameId));

        assertThat(channels().findById(original.id())).contains(original);
        assertThat(channels().listByOrganization(organization.id())).containsExactly(original);
    }

    @Test
    void aChannelOfAnUnknownOrganizationIsRefusedAndNotStored() {
        Channel orphan = TestData.channel(OrganizationId.random());

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> channels().insert(orphan));

        assertThat(channels().findById(orphan.id())).isEmpty();
    }

    @Test
    void updateReplacesLabelActiveConfigAndTheUpdateStampOnly() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        CredentialId creator = CredentialId.random();
        Channel original = new Channel(ChannelId.random(), organization.id(), "before", true,
                new ChannelConfig.Webhook(WebhookFormat.AUTO, "v1:old"), T0, creator, null, null);
        channels().insert(original);
        CredentialId updater = CredentialId.random();
        Instant later = T0.plusSeconds(60);
        Channel changed = new Channel(original.id(), other.id(), "after", false,
                new ChannelConfig.PagerDuty("v1:new", PagerDutyRegion.EU), later, CredentialId.random(), later,
                updater);

        channels().update(changed);

        Channel expected = new Channel(original.id(), organization.id(), "after", false,
                new ChannelConfig.PagerDuty("v1:new", PagerDutyRegion.EU), T0, creator, later, updater);
        assertThat(channels().findById(original.id())).contains(expected);
        assertThat(channels().listByOrganization(organization.id())).containsExactly(expected);
        assertThat(channels().listByOrganization(other.id())).isEmpty();
    }

    @Test
    void updateCanSwitchBetweenEveryConfigType() {
        Organization organization = givenOrganization();
        Channel channel = TestData.channel(organization.id());
        channels().insert(channel);

        for (ChannelConfig config : everyKindOfConfig()) {
            Channel changed = new Channel(channel.id(), organization.id(), channel.label(), true, config,
                    channel.createdAt(), null, T0.plusSeconds(1), null);
            channels().update(changed);

            assertThat(channels().findById(channel.id())).as(config.toString()).contains(changed);
        }
    }

    @Test
    void updatingAMissingChannelIsNotFound() {
        Channel missing = TestData.channel(givenOrganization().id());

        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> channels().update(missing));

        assertThat(channels().findById(missing.id())).isEmpty();
    }

    @Test
    void listByOrganizationIsOldestFirstWithTiesBrokenByIdAndHidesOtherOrganizations() {
        Organization organization = givenOrganization();
        Organization other = givenOrganization();
        ChannelConfig config = new ChannelConfig.Email(List.of("ops@example.com"));
        Channel oldest = TestData.channel(organization.id(), config, T0);
        List<Channel> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(TestData.channel(organization.id(), config, T0.plusSeconds(1)));
        }
        Channel newest = TestData.channel(organization.id(), config, T0.plusSeconds(2));
        channels().insert(newest);
        tied.forEach(channels()::insert);
        channels().insert(TestData.channel(other.id(), config, T0));
        channels().insert(oldest);

        List<Channel> expected = new ArrayList<>();
        expected.add(oldest);
        expected.addAll(TestData.sortedByIdText(tied, channel -> channel.id().value()));
        expected.add(newest);
        assertThat(channels().listByOrganization(organization.id())).containsExactlyElementsOf(expected);
        assertThat(channels().listByOrganization(OrganizationId.random())).isEmpty();
    }

    @Test
    void aListTakenEarlierIsNotChangedByLaterWrites() {
        Organization organization = givenOrganization();
        Channel first = TestData.channel(organization.id());
        channels().insert(first);
        List<Channel> before = channels().listByOrganization(organization.id());

        channels().insert(TestData.channel(organization.id()));
        channels().delete(first.id());

        assertThat(before).containsExactly(first);
    }

    @Test
    void deletingAChannelRemovesItAndReportsWhetherItExisted() {
        Organization organization = givenOrganization();
        Channel deleted = TestData.channel(organization.id());
        Channel kept = TestData.channel(organization.id());
        channels().insert(deleted);
        channels().insert(kept);

        assertThat(channels().delete(deleted.id())).isTrue();
        assertThat(channels().delete(deleted.id())).isFalse();

        assertThat(channels().findById(deleted.id())).isEmpty();
        assertThat(channels().listByOrganization(organization.id())).containsExactly(kept);
    }

    @Test
    void writesOfAFailedUnitOfWorkAreUndone() {
        Organization organization = givenOrganization();
        Channel kept = TestData.channel(organization.id());
        channels().insert(kept);
        Channel added = TestData.channel(organization.id());
        Channel changed = new Channel(kept.id(), organization.id(), "changed", false, kept.config(), kept.createdAt(),
                null, T0.plusSeconds(1), null);

        assertThatThrownBy(() -> transactions().run(() -> {
            channels().insert(added);
            channels().update(changed);
            channels().delete(kept.id());
            throw new IllegalStateException("abandon the unit");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(channels().findById(added.id())).isEmpty();
        assertThat(channels().findById(kept.id())).contains(kept);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfDistinctChannelsAllLand() throws InterruptedException {
        Organization organization = givenOrganization();
        Set<Channel> inserted = ConcurrentHashMap.newKeySet();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> {
            for (int n = 0; n < 10; n++) {
                Channel channel = TestData.channel(organization.id());
                channels().insert(channel);
                inserted.add(channel);
            }
        });

        assertThat(outcomes.failures()).isEmpty();
        assertThat(channels().listByOrganization(organization.id()))
                .hasSize(Concurrently.THREADS * 10)
                .containsExactlyInAnyOrderElementsOf(inserted);
    }

    @Test
    @Timeout(60)
    void concurrentInsertsOfTheSameIdLetExactlyOneWin() throws InterruptedException {
        Organization organization = givenOrganization();
        ChannelId contested = ChannelId.random();

        Concurrently.Outcomes outcomes = Concurrently.run(Concurrently.THREADS, i -> channels().insert(new Channel(
                contested, organization.id(), "contender " + i, true, new ChannelConfig.Email(List.of()), T0, null,
                null, null)));

        assertThat(outcomes.succeeded()).isOne();
        assertThat(outcomes.failures()).hasSize(Concurrently.THREADS - 1)
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        assertThat(channels().listByOrganization(organization.id())).hasSize(1);
    }

    @Test
    void aLockingReadReadsAsFindById() {
        Channel channel = TestData.channel(givenOrganization().id());
        channels().insert(channel);

        assertThat(channels().findByIdForUpdate(channel.id())).contains(channel);
        assertThat(channels().findByIdForUpdate(ChannelId.random())).isEmpty();
        assertThat(transactions().inTransaction(() -> channels().findByIdForUpdate(channel.id()))).contains(channel);
    }

    @Test
    @Timeout(60)
    void aLockingReadWaitsForTheUnitHoldingTheChannelAndThenSeesWhatItCommitted() throws Exception {
        Organization organization = givenOrganization();
        Channel channel = TestData.channel(organization.id(), new ChannelConfig.Email(List.of("a@example.com",
                "b@example.com")), T0);
        channels().insert(channel);
        Channel updated = new Channel(channel.id(), organization.id(), "changed", false,
                new ChannelConfig.Email(List.of("c@example.com")), channel.createdAt(), channel.createdBy(),
                T0.plusSeconds(60), CredentialId.random());

        Optional<Channel> seen = LockingReads.secondReadAfterFirstCommits(transactions(),
                () -> channels().findByIdForUpdate(channel.id()), locked -> channels().update(updated));

        assertThat(seen).contains(updated);
    }
}
