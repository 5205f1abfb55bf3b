package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.in.ChannelUpdate;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.PagerDutyRegion;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.WebhookFormat;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * No channel secret at rest: after channels are created and updated through the real services, the secret column
 * holds only ciphertext, and no value in any column of any table (the audit log included) contains a secret.
 */
abstract class ChannelSecretsAtRestContract {

    private static final byte[] MASTER = "the master secret of this test, 32+ bytes".getBytes(StandardCharsets.UTF_8);
    private static final String URL = "https://hooks.slack.com/services/T0AAA/B0BBB/wEbHoOkSeCrEt";
    private static final String NEW_URL = "https://hooks.slack.com/services/T0AAA/B0BBB/rOtAtEdSeCrEt";
    private static final String AUTH_KEY = "0pSg3n13-aUtH-kEy-5ecr3t";
    private static final String ROUTING_KEY = "R0uT1nGkEyOfPaGeRdUtY0042";
    private static final List<String> SECRETS = List.of(URL, NEW_URL, AUTH_KEY, ROUTING_KEY);

    /** A storage on {@link #database()}; called once per test, before anything else. */
    abstract JdbcStorage openStorage();

    /** The database the storage writes to, for scanning it with plain JDBC. */
    abstract DataSource database();

    @Test
    void theSecretColumnHoldsOnlyCiphertextAndNoColumnAnywhereHoldsASecret() throws SQLException {
        try (JdbcStorage storage = openStorage();
                Gatehouse gatehouse = Gatehouse.builder().storage(storage).masterSecret(MASTER).build()) {
            Principal operator = Principal.operator(
                    gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow().credential().organizationId());
            ChannelId webhook = gatehouse.channels().create(operator, new NewChannel("Slack",
                    new ChannelConfig.Webhook(WebhookFormat.SLACK_BLOCKKIT, URL))).channel().id();
            gatehouse.channels().create(operator, new NewChannel("Opsgenie",
                    new ChannelConfig.Opsgenie(AUTH_KEY, "https://api.eu.opsgenie.com")));
            gatehouse.channels().create(operator, new NewChannel("PagerDuty",
                    new ChannelConfig.PagerDuty(ROUTING_KEY, PagerDutyRegion.EU)));
            gatehouse.channels().update(operator, webhook, new ChannelUpdate(Change.to("Slack, rotated"),
                    Change.to(new ChannelConfig.Webhook(WebhookFormat.AUTO, NEW_URL)), Change.keep()));
            gatehouse.channels().update(operator, webhook, new ChannelUpdate(Change.keep(),
                    Change.to(new ChannelConfig.Webhook(WebhookFormat.RAW_DATA, "")), Change.keep()));

            assertThat(gatehouse.channels().list(operator)).extracting(view -> view.channel().config()).containsExactlyInAnyOrder(
                    new ChannelConfig.Webhook(WebhookFormat.RAW_DATA, "https://hooks.slack.com/**********"),
                    new ChannelConfig.Opsgenie("**********cr3t", "https://api.eu.opsgenie.com"),
                    new ChannelConfig.PagerDuty("**********0042", PagerDutyRegion.EU));
        }

        List<String> secretColumn = column("SELECT secret FROM channels");
        assertThat(secretColumn).hasSize(3).allSatisfy(value -> assertThat(value).startsWith("v1:"));
        List<String> stored = everyStoredValue();
        assertThat(stored).as("the scan reads the channels' rows").contains("Slack, rotated", "pagerduty");
        for (String secret : SECRETS) {
            assertThat(stored).as("values holding a secret").noneMatch(value -> value.contains(secret));
        }
        assertThat(stored).as("values holding a webhook URL's path").noneMatch(value -> value.contains("T0AAA"));
    }

    private List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Every non-null value of every column of every table in the schema, as text. */
    private List<String> everyStoredValue() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database().getConnection()) {
            List<String> tables = new ArrayList<>();
            DatabaseMetaData metadata = connection.getMetaData();
            try (ResultSet rows = metadata.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).extracting(String::toLowerCase).contains("channels", "audit_field_changes");
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            if (value instanceof byte[] bytes) {
                                values.add(new String(bytes, StandardCharsets.UTF_8));
                            } else if (value != null) {
                                values.add(String.valueOf(value));
                            }
                        }
                    }
                }
            }
        }
        return values;
    }
}
