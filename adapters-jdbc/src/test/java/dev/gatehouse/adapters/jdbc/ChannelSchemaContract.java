package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.testkit.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The channel tables enforce their rules whoever writes to them: a row's config columns must fit its type, and
 * deleting a channel row takes its recipients with it.
 */
abstract class ChannelSchemaContract {

    /** H2 reports a failed check as 23513, PostgreSQL as 23514. */
    private static final List<String> CHECK_VIOLATION = List.of("23513", "23514");
    /** PostgreSQL reports a missing parent row as 23503, H2 as 23506. */
    private static final List<String> FOREIGN_KEY_VIOLATION = List.of("23503", "23506");

    private JdbcStorage storage;
    private Organization organization;

    /** The database under test, empty before each test; the same one for every call within a test. */
    abstract DataSource database();

    /** A storage on {@link #database()}, which it migrates; called once per test, before anything else. */
    abstract JdbcStorage openStorage();

    @BeforeEach
    void migrateAndSeed() {
        storage = openStorage();
        organization = TestData.organization();
        storage.organizations().insert(organization);
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    @Test
    void theConfigColumnsOfARowMustFitItsType() throws SQLException {
        String[][] misfits = {
            {"webhook", null, "auto", null, null},
            {"webhook", "v1:x", null, null, null},
            {"webhook", "v1:x", "teams", null, null},
            {"webhook", "v1:x", "auto", null, "us"},
            {"opsgenie", null, null, null, null},
            {"notification", "v1:x", null, null, null},
            {"email", null, null, "https://example.com", null},
            {"pagerduty", "v1:x", null, null, null},
            {"pagerduty", "v1:x", null, null, "ap"},
            {"sms", "v1:x", null, null, null},
        };
        try (Connection connection = database().getConnection()) {
            insertChannel(connection, UUID.randomUUID(), organization.id().value(), "pagerduty", "v1:x", null, null,
                    "eu");
            for (String[] misfit : misfits) {
                SQLException refused = catchThrowableOfType(SQLException.class, () -> insertChannel(connection,
                        UUID.randomUUID(), organization.id().value(), misfit[0], misfit[1], misfit[2], misfit[3],
                        misfit[4]));

                assertThat(refused == null ? "accepted" : refused.getSQLState()).as(Arrays.toString(misfit))
                        .isIn(CHECK_VIOLATION);
            }
        }
    }

    @Test
    void aChannelBelongsToAnExistingOrganization() throws SQLException {
        try (Connection connection = database().getConnection()) {
            SQLException refused = catchThrowableOfType(SQLException.class, () -> insertChannel(connection,
                    UUID.randomUUID(), UUID.randomUUID(), "email", null, null, null, null));

            assertThat(refused.getSQLState()).isIn(FOREIGN_KEY_VIOLATION);
        }
    }

    @Test
    void deletingAChannelRowDeletesItsRecipients() throws SQLException {
        Channel channel = TestData.channel(organization.id(),
                new ChannelConfig.Email(List.of("a@example.com", "b@example.com")), TestData.T0);
        storage.channels().insert(channel);

        try (Connection connection = database().getConnection()) {
            assertThat(recipients(connection, channel)).isEqualTo(2);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM channels WHERE id = ?")) {
                delete.setObject(1, channel.id().value());
                assertThat(delete.executeUpdate()).isOne();
            }
            assertThat(recipients(connection, channel)).isZero();
        }
    }

    private static int recipients(Connection connection, Channel channel) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM channel_recipients WHERE channel_id = ?")) {
            count.setObject(1, channel.id().value());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void insertChannel(Connection connection, UUID id, UUID organization, String type, String secret,
            String webhookFormat, String baseUrl, String region) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO channels (id, organization_id, label,"
                + " active, config_type, secret, webhook_format, base_url, region, created_at)"
                + " VALUES (?, ?, 'label', TRUE, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, organization);
            insert.setString(3, type);
            insert.setString(4, secret);
            insert.setString(5, webhookFormat);
            insert.setString(6, baseUrl);
            insert.setString(7, region);
            insert.setObject(8, OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
