package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.internal.ChannelSecrets;
import dev.gatehouse.ports.in.ChannelUpdate;
import dev.gatehouse.ports.in.Channels;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.ChannelView;
import dev.gatehouse.ports.model.FieldChange;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.PagerDutyRegion;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.model.WebhookFormat;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChannelsTest {

    private static final byte[] MASTER =
            "a master secret of at least 32 bytes, for tests".getBytes(StandardCharsets.UTF_8);
    private static final String SLACK = "https://hooks.slack.com/services/T/B/X";
    /** What the audit log records for a secret in place of its value. */
    private static final String SECRET_VERSION = "set, version [0-9a-f]{8}";
    private static final String SLACK_MASKED = "https://hooks.slack.com/**********";

    private final Installation installation = Installation.create(builder -> builder.masterSecret(MASTER));
    private final Channels channels = installation.gatehouse.channels();
    private final Principal operator = installation.operator;
    private final ChannelCodec codec = new ChannelCodec(new ChannelSecrets(MASTER, new SecureRandom()));

    @AfterEach
    void close() {
        installation.close();
    }

    @Test
    void createStoresTheSecretEncryptedAndShowsItMasked() {
        Principal writer = installation.keyHolding(Set.of(Scope.ORGANIZATION_WRITE_CHANNEL), null);

        ChannelView view = channels.create(writer, webhook("Slack", SLACK));

        Channel shown = view.channel();
        assertThat(shown.label()).isEqualTo("Slack");
        assertThat(shown.active()).isTrue();
        assertThat(shown.organizationId()).isEqualTo(installation.organization);
        assertThat(shown.config()).isEqualTo(new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, SLACK_MASKED));
        assertThat(shown.createdAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(shown.createdBy()).isEqualTo(writer.credentialId());
        assertThat(shown.updatedAt()).isNull();
        assertThat(view.createdByName()).isEqualTo("key");
        assertThat(view.updatedByName()).isNull();
        assertThat(channels.get(operator, shown.id())).isEqualTo(view);
        ChannelConfig.Webhook stored = (ChannelConfig.Webhook) stored(shown.id()).config();
        assertThat(stored.url()).startsWith("v1:").doesNotContain("hooks.slack.com");
        assertThat(stored.format()).isEqualTo(WebhookFormat.SLACK_BLOCKKIT);
        assertThat(codec.decryptSecret(stored, shown.id())).isEqualTo(SLACK);
    }

    @Test
    void everyConfigTypeIsShownWithItsSecretMaskedAsLogfireMasksIt() {
        UUID member = UUID.randomUUID();

        ChannelConfig opsgenie = channels.create(operator, new NewChannel("Opsgenie",
                new ChannelConfig.Opsgenie("abcd1234efgh", null))).channel().config();
        ChannelConfig pagerDuty = channels.create(operator, new NewChannel("PagerDuty",
                new ChannelConfig.PagerDuty("0123456789abcdefWXYZ", PagerDutyRegion.EU))).channel().config();
        ChannelConfig notification = channels.create(operator, new NewChannel("Members",
                new ChannelConfig.Notification(List.of(member)))).channel().config();
        ChannelConfig email = channels.create(operator, new NewChannel("Mail",
                new ChannelConfig.Email(List.of("ops@example.com", "oncall+alerts@sub.example.org")))).channel().config();

        assertThat(opsgenie).isEqualTo(new ChannelConfig.Opsgenie("**********efgh", null));
        assertThat(pagerDuty).isEqualTo(new ChannelConfig.PagerDuty("**********WXYZ", PagerDutyRegion.EU));
        assertThat(notification).isEqualTo(new ChannelConfig.Notification(List.of(member)));
        assertThat(email).isEqualTo(new ChannelConfig.Email(List.of("ops@example.com", "oncall+alerts@sub.example.org")));
        assertThat(installation.storage.channels().listByOrganization(installation.organization))
                .extracting(channel -> String.valueOf(ChannelCodec.secretOf(channel.config())))
                .doesNotContain("abcd1234efgh", "0123456789abcdefWXYZ");
    }

    @Test
    void theSameSecretIsStoredDifferentlyEachTimeItIsWritten() {
        ChannelId first = channels.create(operator, webhook("one", SLACK)).channel().id();
        ChannelId second = channels.create(operator, webhook("two", SLACK)).channel().id();
        String before = ChannelCodec.secretOf(stored(first).config());

        installation.clock.advance(Duration.ofMinutes(1));
        channels.update(operator, first, configTo(new ChannelConfig.Webhook(WebhookFormat.AUTO, SLACK + "2")));
        channels.update(operator, first, configTo(new ChannelConfig.Webhook(WebhookFormat.AUTO, SLACK)));

        String after = ChannelCodec.secretOf(stored(first).config());
        assertThat(before).isNotEqualTo(ChannelCodec.secretOf(stored(second).config())).isNotEqualTo(after);
        assertThat(codec.decryptSecret(stored(first).config(), first)).isEqualTo(SLACK);
    }

    @Test
    void anUpdateWithAnEmptyUrlKeepsTheStoredSecret() {
        ChannelId id = channels.create(operator, webhook("Slack", SLACK)).channel().id();
        String ciphertext = ChannelCodec.secretOf(stored(id).config());
        installation.clock.advance(Duration.ofMinutes(1));

        ChannelView updated = channels.update(operator, id,
                configTo(new ChannelConfig.Webhook(WebhookFormat.RAW_DATA, "")));

        assertThat(updated.channel().config()).isEqualTo(new ChannelConfig.Webhook(WebhookFormat.RAW_DATA, SLACK_MASKED));
        assertThat(ChannelCodec.secretOf(stored(id).config())).isEqualTo(ciphertext);
        assertThat(codec.decryptSecret(stored(id).config(), id)).isEqualTo(SLACK);
        assertThat(lastAuditEntryOf(id).changes()).containsExactly(new FieldChange("config.format", "slack-blockkit", "raw-data"));
    }

    @Test
    void anEmptySecretCannotBeKeptFromAChannelOfAnotherType() {
        ChannelId id = channels.create(operator, new NewChannel("Ops", new ChannelConfig.Opsgenie("abcd1234efgh", null)))
                .channel().id();
        Channel before = stored(id);
        int entries = installation.auditEntries().size();

        assertThatThrownBy(() -> channels.update(operator, id,
                configTo(new ChannelConfig.Webhook(WebhookFormat.AUTO, ""))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("config.webhook.url"));

        assertThat(stored(id)).isEqualTo(before);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void aNewSecretIsEncryptedAndAuditedOnlyAsChanged() {
        ChannelId id = channels.create(operator, webhook("Slack", SLACK)).channel().id();
        installation.clock.advance(Duration.ofMinutes(1));
        String newUrl = "https://hooks.slack.com/services/T/B/NEW";

        ChannelView updated = channels.update(operator, id, new ChannelUpdate(Change.to("Renamed"),
                Change.to(new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, newUrl)), Change.to(false)));

        assertThat(updated.channel().label()).isEqualTo("Renamed");
        assertThat(updated.channel().active()).isFalse();
        assertThat(updated.channel().config()).isEqualTo(new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, SLACK_MASKED));
        assertThat(updated.channel().updatedAt()).isEqualTo(installation.clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(codec.decryptSecret(stored(id).config(), id)).isEqualTo(newUrl);
        AuditEntry entry = lastAuditEntryOf(id);
        assertThat(entry.action()).isEqualTo(AuditAction.UPDATE);
        assertThat(entry.changes()).hasSize(3).startsWith(
                new FieldChange("label", "Slack", "Renamed"),
                new FieldChange("active", "true", "false"));
        FieldChange secret = entry.changes().get(2);
        assertThat(secret.field()).isEqualTo("config.url");
        assertThat(secret.oldValue()).matches(SECRET_VERSION).isEqualTo(secretEntryOf(id, AuditAction.INSERT));
        assertThat(secret.newValue()).matches(SECRET_VERSION).isNotEqualTo(secret.oldValue());
        assertNoSecretIn(installation.auditEntries(), SLACK, newUrl, "services/T/B");
    }

    @Test
    void resendingTheSameConfigChangesNothingAndWritesNothing() {
        ChannelView created = channels.create(operator, webhook("Slack", SLACK));
        ChannelId id = created.channel().id();
        Channel before = stored(id);
        int entries = installation.auditEntries().size();
        installation.clock.advance(Duration.ofMinutes(1));

        ChannelView same = channels.update(operator, id, new ChannelUpdate(Change.to("Slack"),
                Change.to(new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, SLACK)), Change.to(true)));

        assertThat(same).isEqualTo(created);
        assertThat(channels.update(operator, id, ChannelUpdate.none())).isEqualTo(created);
        assertThat(stored(id)).isEqualTo(before);
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void writingBackTheConfigAsReadKeepsTheSecretAndAnotherMaskIsRefused() {
        String key = "0123456789abcdefWXYZ";
        ChannelView created = channels.create(operator, new NewChannel("PagerDuty",
                new ChannelConfig.PagerDuty(key, PagerDutyRegion.EU)));
        ChannelId id = created.channel().id();
        Channel before = stored(id);
        int entries = installation.auditEntries().size();
        installation.clock.advance(Duration.ofMinutes(1));

        ChannelView written = channels.update(operator, id, new ChannelUpdate(Change.to("Paging"),
                Change.to(created.channel().config()), Change.keep()));
        ChannelConfig otherMask = new ChannelConfig.PagerDuty("**********ABCD", PagerDutyRegion.EU);

        assertThat(codec.decryptSecret(stored(id).config(), id)).isEqualTo(key);
        assertThat(stored(id).config()).isEqualTo(before.config());
        assertThat(written.channel().label()).isEqualTo("Paging");
        assertThat(installation.auditEntries()).hasSize(entries + 1);
        assertThat(installation.lastAuditEntryOf(id).changes())
                .extracting(FieldChange::field).containsExactly("label");
        assertThatThrownBy(() -> channels.update(operator, id, new ChannelUpdate(Change.keep(),
                Change.to(otherMask), Change.keep())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is masked as Gatehouse shows it");
        assertThatThrownBy(() -> channels.create(operator, new NewChannel("Copy", otherMask)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("is masked as Gatehouse shows it");
        assertThat(codec.decryptSecret(stored(id).config(), id)).isEqualTo(key);
    }

    @Test
    void reorderingRecipientsIsAuditedInBothOrders() {
        ChannelId id = channels.create(operator, new NewChannel("Mail",
                new ChannelConfig.Email(List.of("b@example.com", "a@example.com")))).channel().id();
        assertThat(lastAuditEntryOf(id).changes())
                .contains(new FieldChange("config.recipients", null, "b@example.com,a@example.com"));
        installation.clock.advance(Duration.ofMinutes(1));

        channels.update(operator, id, configTo(new ChannelConfig.Email(List.of("a@example.com", "b@example.com"))));

        assertThat(lastAuditEntryOf(id).changes()).containsExactly(new FieldChange("config.recipients",
                "b@example.com,a@example.com", "a@example.com,b@example.com"));
    }

    @Test
    void switchingTypesAuditsWhichSecretWentAndWhichCame() {
        ChannelId id = channels.create(operator, webhook("Slack", SLACK)).channel().id();
        installation.clock.advance(Duration.ofMinutes(1));

        ChannelView updated = channels.update(operator, id,
                configTo(new ChannelConfig.Opsgenie("abcd1234efgh", "https://api.eu.opsgenie.com")));

        assertThat(updated.channel().config())
                .isEqualTo(new ChannelConfig.Opsgenie("**********efgh", "https://api.eu.opsgenie.com"));
        List<FieldChange> changes = lastAuditEntryOf(id).changes();
        assertThat(changes).hasSize(5).startsWith(
                new FieldChange("config.type", "webhook", "opsgenie"),
                new FieldChange("config.format", "slack-blockkit", null),
                new FieldChange("config.base_url", null, "https://api.eu.opsgenie.com"),
                new FieldChange("config.url", secretEntryOf(id, AuditAction.INSERT), null));
        assertThat(changes.get(4).field()).isEqualTo("config.auth_key");
        assertThat(changes.get(4).oldValue()).isNull();
        assertThat(changes.get(4).newValue()).matches(SECRET_VERSION);
        assertNoSecretIn(installation.auditEntries(), SLACK, "abcd1234efgh");
    }

    @Test
    void createAndDeleteAreAuditedWithoutTheSecret() {
        Principal writer = installation.keyHolding(Set.of(Scope.ORGANIZATION_WRITE_CHANNEL), null);
        ChannelId id = channels.create(writer, webhook("Slack", SLACK)).channel().id();
        AuditEntry inserted = lastAuditEntryOf(id);
        installation.clock.advance(Duration.ofMinutes(1));

        channels.delete(writer, id);

        assertThat(inserted.action()).isEqualTo(AuditAction.INSERT);
        assertThat(inserted.resourceType()).isEqualTo("channel");
        assertThat(inserted.projectId()).isNull();
        assertThat(inserted.actorId()).isEqualTo(writer.credentialId());
        assertThat(inserted.changes()).containsExactly(
                new FieldChange("label", null, "Slack"),
                new FieldChange("active", null, "true"),
                new FieldChange("config.type", null, "webhook"),
                new FieldChange("config.format", null, "slack-blockkit"),
                new FieldChange("config.url", null, secretEntryOf(id, AuditAction.INSERT)));
        assertThat(secretEntryOf(id, AuditAction.INSERT)).matches(SECRET_VERSION);
        AuditEntry deleted = lastAuditEntryOf(id);
        assertThat(deleted.action()).isEqualTo(AuditAction.DELETE);
        assertThat(deleted.changes()).contains(new FieldChange("label", "Slack", null),
                new FieldChange("config.type", "webhook", null));
        assertNoSecretIn(installation.auditEntries(), SLACK);
        assertThat(installation.storage.channels().findById(id)).isEmpty();
        assertThatThrownBy(() -> channels.delete(writer, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> channels.get(operator, id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theUpdaterIsNamed() {
        ChannelId id = channels.create(operator, webhook("Slack", SLACK)).channel().id();
        Principal editor = installation.keyHolding(Set.of(Scope.ORGANIZATION_WRITE_CHANNEL), null);

        ChannelView updated = channels.update(editor, id,
                new ChannelUpdate(Change.to("Edited"), Change.keep(), Change.keep()));

        assertThat(updated.createdByName()).isNull();
        assertThat(updated.updatedByName()).isEqualTo("key");
        assertThat(updated.channel().updatedBy()).isEqualTo(editor.credentialId());
        assertThat(channels.list(operator)).containsExactly(updated);
    }

    @Test
    void readingAndWritingNeedTheirScopesAndAFailureStoresNothing() {
        ChannelId id = channels.create(operator, webhook("Slack", SLACK)).channel().id();
        Principal reader = installation.keyHolding(Set.of(Scope.ORGANIZATION_READ_CHANNEL), null);
        Principal other = installation.keyHolding(Set.of(Scope.PROJECT_READ, Scope.ORGANIZATION_READ), null);
        int entries = installation.auditEntries().size();

        assertThat(channels.list(reader)).hasSize(1);
        assertThat(channels.get(reader, id).channel().id()).isEqualTo(id);
        assertForbidden(() -> channels.list(other), Scope.ORGANIZATION_READ_CHANNEL);
        assertForbidden(() -> channels.get(other, id), Scope.ORGANIZATION_READ_CHANNEL);
        assertForbidden(() -> channels.create(reader, webhook("x", SLACK)), Scope.ORGANIZATION_WRITE_CHANNEL);
        assertForbidden(() -> channels.update(reader, id, new ChannelUpdate(Change.to("x"), Change.keep(),
                Change.keep())), Scope.ORGANIZATION_WRITE_CHANNEL);
        assertForbidden(() -> channels.delete(reader, id), Scope.ORGANIZATION_WRITE_CHANNEL);

        assertThat(channels.list(operator)).extracting(view -> view.channel().label()).containsExactly("Slack");
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void aChannelOfAnotherOrganizationDoesNotExistForTheCaller() {
        Principal foreign = Principal.operator(installation.otherOrganization());
        ChannelId theirs = channels.create(foreign, webhook("Theirs", SLACK)).channel().id();
        ChannelId mine = channels.create(operator, webhook("Mine", SLACK)).channel().id();

        assertThat(channels.list(operator)).extracting(view -> view.channel().id()).containsExactly(mine);
        assertThatThrownBy(() -> channels.get(operator, theirs)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> channels.update(operator, theirs, new ChannelUpdate(Change.to("x"), Change.keep(),
                Change.keep()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> channels.delete(operator, theirs)).isInstanceOf(NotFoundException.class);
        assertThat(channels.get(foreign, theirs).channel().label()).isEqualTo("Theirs");
    }

    @Test
    void listingIsOldestFirst() {
        ChannelId first = channels.create(operator, webhook("first", SLACK)).channel().id();
        installation.clock.advance(Duration.ofSeconds(1));
        ChannelId second = channels.create(operator, webhook("second", SLACK)).channel().id();

        assertThat(channels.list(operator)).extracting(view -> view.channel().id()).containsExactly(first, second);
    }

    @Test
    void anotherMasterSecretCannotReadTheSecretsAndSaysSoWithoutLeakingThem() {
        ChannelId id = channels.create(operator, webhook("Slack", SLACK)).channel().id();
        byte[] otherSecret = Arrays.copyOf(MASTER, MASTER.length);
        otherSecret[0] ^= 1;

        // Another master secret given is refused at the start (InstallationCheck); one the host does not give, which
        // each process makes for itself, is unchecked and meets the stored secrets undecryptable.
        assertThatThrownBy(() -> Gatehouse.builder().storage(installation.storage).masterSecret(otherSecret).build())
                .isInstanceOf(GatehouseException.class)
                .hasMessageContaining("first started with another master secret");
        try (Gatehouse restartedWithTheSameSecret = Gatehouse.builder().storage(installation.storage)
                .masterSecret(MASTER).build();
                Gatehouse withoutASecret = Gatehouse.builder().storage(installation.storage).build()) {
            assertThat(restartedWithTheSameSecret.channels().get(operator, id).channel().config())
                    .isEqualTo(new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, SLACK_MASKED));
            assertThatThrownBy(() -> withoutASecret.channels().get(operator, id))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("cannot be decrypted")
                    .satisfies(e -> {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain(SLACK).doesNotContain("v1:");
                        }
                    });
        }
    }

    @Test
    void anUnsafeUrlIsRefusedBeforeAnythingIsStored() {
        int entries = installation.auditEntries().size();

        for (String url : List.of("ftp://example.com/hook", "file:///etc/passwd", "javascript:alert(1)",
                "hooks.slack.com/services/T/B/X", "https://", "")) {
            assertThatThrownBy(() -> webhook("bad", url)).as(url)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo("config.webhook.url"));
        }

        assertThat(channels.list(operator)).isEmpty();
        assertThat(installation.auditEntries()).hasSize(entries);
    }

    @Test
    void aMasterSecretShorterThan32BytesIsRefusedByTheBuilder() {
        assertThatThrownBy(() -> Gatehouse.builder().masterSecret(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gatehouse.builder().masterSecret(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderCopiesTheMasterSecret() {
        byte[] secret = Arrays.copyOf(MASTER, MASTER.length);
        ChannelId id = channels.create(operator, webhook("Slack", SLACK)).channel().id();

        try (Gatehouse gatehouse = Gatehouse.builder().storage(installation.storage).masterSecret(secret).build()) {
            Arrays.fill(secret, (byte) 0);
            assertThat(gatehouse.channels().get(operator, id).channel().config())
                    .isEqualTo(new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, SLACK_MASKED));
        }
    }

    @Test
    void commandsAndConfigsNeverPrintTheirSecrets() {
        List<Object> printed = List.of(
                webhook("Slack", SLACK),
                new NewChannel("Ops", new ChannelConfig.Opsgenie("abcd1234efgh", null)),
                new ChannelConfig.PagerDuty("0123456789abcdefWXYZ", PagerDutyRegion.US),
                configTo(new ChannelConfig.Webhook(WebhookFormat.AUTO, SLACK)));

        assertThat(printed).extracting(Object::toString).allSatisfy(text -> assertThat(text)
                .doesNotContain("hooks.slack.com", "abcd1234efgh", "0123456789abcdefWXYZ"));
        assertThat(printed.get(0).toString()).contains("Slack", "webhook");
    }

    private static NewChannel webhook(String label, String url) {
        return new NewChannel(label, new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, url));
    }

    private static ChannelUpdate configTo(ChannelConfig config) {
        return new ChannelUpdate(Change.keep(), Change.to(config), Change.keep());
    }

    private Channel stored(ChannelId id) {
        return installation.storage.channels().findById(id).orElseThrow();
    }

    private AuditEntry lastAuditEntryOf(ChannelId id) {
        return installation.lastAuditEntryOf(id);
    }

    /** What the {@code action} entry of channel {@code id} recorded for its secret: a version, never the secret. */
    private String secretEntryOf(ChannelId id, AuditAction action) {
        return installation.auditEntries().stream()
                .filter(entry -> entry.recordId().equals(id.toString()) && entry.action() == action)
                .flatMap(entry -> entry.changes().stream())
                .filter(change -> change.field().equals("config.url"))
                .map(change -> change.newValue() != null ? change.newValue() : change.oldValue())
                .findFirst().orElseThrow();
    }

    private static void assertForbidden(Runnable call, Scope scope) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.missingScope()).isEqualTo(scope));
    }

    private static void assertNoSecretIn(List<AuditEntry> entries, String... secrets) {
        for (AuditEntry entry : entries) {
            for (FieldChange change : entry.changes()) {
                for (String secret : secrets) {
                    assertThat(String.valueOf(change.oldValue())).doesNotContain(secret);
                    assertThat(String.valueOf(change.newValue())).doesNotContain(secret);
                }
            }
        }
    }
}
