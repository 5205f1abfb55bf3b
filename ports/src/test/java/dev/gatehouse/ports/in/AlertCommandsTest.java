package dev.gatehouse.ports.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotifyWhen;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertCommandsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void theTimeWindowRunsFromOneMinuteToThirtyDays() {
        assertRefused(() -> alert(Duration.ofSeconds(59), MINUTE, Duration.ZERO), "time_window", "greater_than_equal");
        assertThatCode(() -> alert(Duration.ofSeconds(60), MINUTE, Duration.ZERO)).doesNotThrowAnyException();
        assertThatCode(() -> alert(Duration.ofDays(30), MINUTE, Duration.ZERO)).doesNotThrowAnyException();
        assertRefused(() -> alert(Duration.ofDays(30).plusSeconds(1), MINUTE, Duration.ZERO), "time_window",
                "less_than_equal");
    }

    @Test
    void theFrequencyRunsFromOneMinuteToTwentyFourHours() {
        assertRefused(() -> alert(MINUTE, Duration.ofSeconds(59), Duration.ZERO), "frequency", "greater_than_equal");
        assertThatCode(() -> alert(MINUTE, Duration.ofSeconds(60), Duration.ZERO)).doesNotThrowAnyException();
        assertThatCode(() -> alert(MINUTE, Duration.ofHours(24), Duration.ZERO)).doesNotThrowAnyException();
        assertRefused(() -> alert(MINUTE, Duration.ofHours(24).plusSeconds(1), Duration.ZERO), "frequency",
                "less_than_equal");
    }

    @Test
    void theWatermarkRunsFromZeroToThirtyDays() {
        assertThatCode(() -> alert(MINUTE, MINUTE, Duration.ZERO)).doesNotThrowAnyException();
        assertThatCode(() -> alert(MINUTE, MINUTE, Duration.ofDays(30))).doesNotThrowAnyException();
        assertRefused(() -> alert(MINUTE, MINUTE, Duration.ofSeconds(-1)), "watermark", "greater_than_equal");
        assertRefused(() -> alert(MINUTE, MINUTE, Duration.ofDays(30).plusSeconds(1)), "watermark", "less_than_equal");
    }

    @Test
    void durationsAreWholeSeconds() {
        assertRefused(() -> alert(MINUTE.plusMillis(500), MINUTE, Duration.ZERO), "time_window", "value_error");
        assertRefused(() -> alert(MINUTE, MINUTE, Duration.ofMillis(1)), "watermark", "value_error");
    }

    @Test
    void requiredFieldsAreNamedAsOnTheWire() {
        assertRefused(() -> new NewAlert(null, null, "SELECT 1", MINUTE, MINUTE, Duration.ZERO,
                NotifyWhen.HAS_MATCHES, true, null, null), "name", "missing");
        assertRefused(() -> new NewAlert(" ", null, "SELECT 1", MINUTE, MINUTE, Duration.ZERO,
                NotifyWhen.HAS_MATCHES, true, null, null), "name", "value_error");
        assertRefused(() -> new NewAlert("", null, "SELECT 1", MINUTE, MINUTE, Duration.ZERO,
                NotifyWhen.HAS_MATCHES, true, null, null), "name", "string_too_short");
        assertRefused(() -> new NewAlert("a".repeat(256), null, "SELECT 1", MINUTE, MINUTE, Duration.ZERO,
                NotifyWhen.HAS_MATCHES, true, null, null), "name", "string_too_long");
        assertRefused(() -> new NewAlert("errors", null, null, MINUTE, MINUTE, Duration.ZERO,
                NotifyWhen.HAS_MATCHES, true, null, null), "query", "missing");
        assertRefused(() -> new NewAlert("errors", null, "SELECT 1", null, MINUTE, Duration.ZERO,
                NotifyWhen.HAS_MATCHES, true, null, null), "time_window", "missing");
        assertRefused(() -> new NewAlert("errors", null, "SELECT 1", MINUTE, MINUTE, Duration.ZERO, null, true,
                null, null), "notify_when", "missing");
    }

    @Test
    void channelAssignmentsWinOverChannelIds() {
        ChannelId legacy = ChannelId.random();
        ChannelId scheduled = ChannelId.random();
        UUID schedule = UUID.randomUUID();

        NewAlert both = withChannels(List.of(legacy), List.of(new ChannelAssignment(scheduled, schedule)));
        NewAlert idsOnly = withChannels(List.of(legacy), null);
        NewAlert none = withChannels(null, null);

        assertThat(both.channels()).containsExactly(new ChannelAssignment(scheduled, schedule));
        assertThat(both.channelsField()).isEqualTo("channel_assignments");
        assertThat(idsOnly.channels()).containsExactly(ChannelAssignment.of(legacy));
        assertThat(idsOnly.channelsField()).isEqualTo("channel_ids");
        assertThat(none.channels()).isEmpty();
    }

    @Test
    void aChannelGivenTwiceIsRefusedOnTheFieldItCameFrom() {
        ChannelId channel = ChannelId.random();

        assertRefused(() -> withChannels(List.of(channel, channel), null), "channel_ids", "value_error");
        assertRefused(() -> withChannels(null, List.of(ChannelAssignment.of(channel),
                new ChannelAssignment(channel, UUID.randomUUID()))), "channel_assignments", "value_error");
        assertThatCode(() -> withChannels(List.of(channel, channel), List.of(ChannelAssignment.of(channel))))
                .doesNotThrowAnyException();
    }

    @Test
    void anUpdateValidatesWhatItSetsAndRefusesNullForAllButTheDescription() {
        assertRefused(() -> update(Change.to(Duration.ofSeconds(59)), Change.keep()), "time_window",
                "greater_than_equal");
        assertRefused(() -> update(Change.keep(), Change.to(Duration.ofHours(25))), "frequency", "less_than_equal");
        assertRefused(() -> update(Change.to(null), Change.keep()), "time_window", "missing");
        assertThatCode(() -> new AlertUpdate(Change.keep(), Change.to(null), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep()))
                .doesNotThrowAnyException();
        assertRefused(() -> new AlertUpdate(Change.to(""), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep()),
                "name", "string_too_short");
    }

    @Test
    void anUpdatesChannelsAreTheAssignmentsElseTheIdsElseKept() {
        ChannelId legacy = ChannelId.random();
        ChannelId scheduled = ChannelId.random();

        AlertUpdate both = channelsUpdate(Change.to(List.of(legacy)), Change.to(List.of(ChannelAssignment.of(scheduled))));
        AlertUpdate ids = channelsUpdate(Change.to(List.of(legacy)), Change.keep());
        AlertUpdate cleared = channelsUpdate(Change.keep(), Change.to(List.of()));

        assertThat(both.channels()).isEqualTo(Change.to(List.of(ChannelAssignment.of(scheduled))));
        assertThat(ids.channels()).isEqualTo(Change.to(List.of(ChannelAssignment.of(legacy))));
        assertThat(ids.channelsField()).isEqualTo("channel_ids");
        assertThat(cleared.channels()).isEqualTo(Change.to(List.of()));
        assertThat(AlertUpdate.none().channels().isSet()).isFalse();
    }

    private static NewAlert alert(Duration timeWindow, Duration frequency, Duration watermark) {
        return new NewAlert("errors", "too many errors", "SELECT 1", timeWindow, frequency, watermark,
                NotifyWhen.HAS_MATCHES, true, null, null);
    }

    private static NewAlert withChannels(List<ChannelId> ids, List<ChannelAssignment> assignments) {
        return new NewAlert("errors", null, "SELECT 1", MINUTE, MINUTE, Duration.ZERO, NotifyWhen.MATCHES_CHANGED,
                false, ids, assignments);
    }

    private static AlertUpdate update(Change<Duration> timeWindow, Change<Duration> frequency) {
        return new AlertUpdate(Change.keep(), Change.keep(), Change.keep(), timeWindow, frequency, Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), Change.keep());
    }

    private static AlertUpdate channelsUpdate(Change<List<ChannelId>> ids,
            Change<List<ChannelAssignment>> assignments) {
        return new AlertUpdate(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                Change.keep(), Change.keep(), Change.keep(), ids, assignments);
    }

    private static void assertRefused(Runnable construction, String field, String type) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.type()).isEqualTo(type);
        });
    }
}
