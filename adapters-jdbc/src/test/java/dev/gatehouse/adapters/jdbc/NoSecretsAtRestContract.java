package dev.gatehouse.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewProject;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * No raw token at rest: after tokens are issued, rotated and used through the real services, no value in any column
 * of any table of the schema contains one, or any part of one beyond the display prefix.
 */
abstract class NoSecretsAtRestContract {

    /** The characters of a token that may be stored: the display prefix. */
    private static final int DISPLAY_PREFIX_LENGTH = 12;

    /** A storage on {@link #database()}; called once per test, before anything else. */
    abstract JdbcStorage openStorage();

    /** The database the storage writes to, for scanning it with plain JDBC. */
    abstract DataSource database();

    @Test
    void noColumnOfAnyTableHoldsATokenOrAPieceOfOneBeyondItsDisplayPrefix() throws SQLException {
        List<IssuedCredential> issued = new ArrayList<>();
        try (JdbcStorage storage = openStorage()) {
            try (Gatehouse gatehouse = Gatehouse.builder().storage(storage).build()) {
                IssuedCredential admin = gatehouse.bootstrap().bootstrapIfEmpty("acme").orElseThrow();
                issued.add(admin);
                Principal operator = Principal.operator(admin.credential().organizationId());
                Project project = gatehouse.projects().create(operator, NewProject.named("web-shop"));
                IssuedCredential write = gatehouse.credentials().createToken(operator,
                        new NewProjectToken(project.id(), CredentialKind.WRITE_TOKEN, "ingest", null));
                IssuedCredential read = gatehouse.credentials().createToken(operator,
                        new NewProjectToken(project.id(), CredentialKind.READ_TOKEN, "dashboards", null));
                IssuedCredential key = gatehouse.credentials().createApiKey(operator,
                        new NewApiKey("ci", "the pipeline's key", Set.of(Scope.PROJECT_READ), project.id(), null));
                issued.addAll(List.of(write, read, key));
                issued.add(gatehouse.credentials().rotate(operator,
                        CredentialTarget.token(project.id(), CredentialKind.WRITE_TOKEN, write.credential().id()),
                        Duration.ofMinutes(5)));
                issued.add(gatehouse.credentials().rotate(operator, CredentialTarget.apiKey(key.credential().id()),
                        null));
                // every token but the key rotated without a grace period still authenticates, and records its use
                for (IssuedCredential credential : issued.stream().filter(c -> c != key).toList()) {
                    assertThat(gatehouse.verifier().verify(credential.token()))
                            .isInstanceOf(VerifyResult.Verified.class);
                }
            }
        }

        List<String> stored = everyStoredValue();

        assertThat(stored).as("the scan reads the credentials' rows").contains(
                issued.get(0).credential().tokenHash().hex(), issued.get(0).credential().tokenPrefix());
        for (IssuedCredential credential : issued) {
            String token = credential.token();
            String secretPart = token.substring(DISPLAY_PREFIX_LENGTH);
            assertThat(stored).as("values holding token %s", credential).noneMatch(value -> value.contains(secretPart)
                    || value.length() > DISPLAY_PREFIX_LENGTH && token.contains(value));
        }
    }

    /** Every non-null value of every column of every table in the schema, as text (binary values in two readings). */
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
            assertThat(tables).hasSizeGreaterThanOrEqualTo(5);
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            if (value instanceof byte[] bytes) {
                                values.add(new String(bytes, StandardCharsets.UTF_8));
                                values.add(HexFormat.of().formatHex(bytes));
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
