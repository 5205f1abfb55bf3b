package dev.gatehouse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.internal.ChannelSecrets;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.PagerDutyRegion;
import dev.gatehouse.ports.model.WebhookFormat;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The masks shown for channel secrets: Logfire's rules, and nothing of a secret beyond what they reveal. */
class ChannelMaskingTest {

    private final ChannelCodec codec = new ChannelCodec(new ChannelSecrets(new byte[32], new SecureRandom()));
    private final ChannelId id = ChannelId.random();

    @ParameterizedTest
    @CsvSource({
        "https://hooks.slack.com/services/T/B/X, https://hooks.slack.com/**********",
        "http://example.com, http://example.com/**********",
        "https://example.com:8443/hook?token=abc#frag, https://example.com:8443/**********",
        "https://user:password@example.com/hook, https://example.com/**********",
        "https://[2001:db8::1]:9000/x, https://[2001:db8::1]:9000/**********",
    })
    void aWebhookUrlKeepsSchemeHostAndPortAndLosesEverythingElse(String url, String masked) {
        assertThat(ChannelCodec.maskUrl(url)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
        "abcd1234efgh, **********efgh",
        "0123456789abcdefghijklmnopqrstuv, **********stuv",
        "abcdefghijk, **********",
        "abcd, **********",
        "'', **********",
    })
    void aKeyShowsOnlyItsLastFourCharactersAndAShortKeyNothing(String key, String masked) {
        assertThat(ChannelCodec.maskKey(key)).isEqualTo(masked);
    }

    @Test
    void aStoredConfigIsShownMaskedAndOnlyItsSecretIsTouched() {
        ChannelConfig webhook = new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT,
                "https://hooks.slack.com/services/T/B/X");
        ChannelConfig opsgenie = new ChannelConfig.Opsgenie("abcd1234efgh", "https://api.eu.opsgenie.com");
        ChannelConfig pagerDuty = new ChannelConfig.PagerDuty("R0UT1NGKEY0123456789", PagerDutyRegion.EU);
        ChannelConfig notification = new ChannelConfig.Notification(List.of(UUID.randomUUID()));
        ChannelConfig email = new ChannelConfig.Email(List.of("ops@example.com"));

        assertThat(codec.masked(codec.encrypt(webhook, id), id)).isEqualTo(
                new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, "https://hooks.slack.com/**********"));
        assertThat(codec.masked(codec.encrypt(opsgenie, id), id)).isEqualTo(
                new ChannelConfig.Opsgenie("**********efgh", "https://api.eu.opsgenie.com"));
        assertThat(codec.masked(codec.encrypt(pagerDuty, id), id)).isEqualTo(
                new ChannelConfig.PagerDuty("**********6789", PagerDutyRegion.EU));
        assertThat(codec.encrypt(notification, id)).isEqualTo(notification);
        assertThat(codec.masked(notification, id)).isEqualTo(notification);
        assertThat(codec.masked(codec.encrypt(email, id), id)).isEqualTo(email);
    }

    @Test
    void onlyTheSecretFieldIsEncrypted() {
        ChannelConfig.Opsgenie stored = (ChannelConfig.Opsgenie) codec.encrypt(
                new ChannelConfig.Opsgenie("abcd1234efgh", "https://api.eu.opsgenie.com"), id);

        assertThat(ChannelSecrets.isEncrypted(stored.authKey())).isTrue();
        assertThat(stored.baseUrl()).isEqualTo("https://api.eu.opsgenie.com");
        assertThat(codec.decryptSecret(stored, id)).isEqualTo("abcd1234efgh");
    }
}
