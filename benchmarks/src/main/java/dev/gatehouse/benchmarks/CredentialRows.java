package dev.gatehouse.benchmarks;

import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.Scope;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Fills the credentials table fast, straight through JDBC batches: every row is a real credential whose token was
 * minted in the Gatehouse format and hashed with plain SHA-256, as an installation without a pepper stores it.
 */
final class CredentialRows {

    private static final int BATCH_SIZE = 1_000;
    private static final int COMMIT_EVERY = 50_000;
    private static final String INSERT = "INSERT INTO credentials (id, organization_id, project_id, kind, scopes,"
            + " token_hash, token_prefix, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private CredentialRows() {
    }

    /**
     * Inserts {@code count} credentials shaped like {@code template} (same organization, project, kind and scopes)
     * and returns the tokens of {@code sampleSize} of them, drawn uniformly from all rows and shuffled.
     */
    static List<String> insertLike(BenchDatabase database, Credential template, int count, int sampleSize) {
        TokenFormat format = new TokenFormat("gth", new SecureRandom());
        TokenHasher hasher = TokenHasher.sha256();
        SplittableRandom random = new SplittableRandom(42);
        List<String> sample = new ArrayList<>(Math.min(count, sampleSize));
        String scopes = scopes(template);
        OffsetDateTime createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.connectForBulkLoad();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (int row = 0; row < count; row++) {
                String token = format.generate(template.kind());
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, template.organizationId().value());
                insert.setObject(3, template.projectId().value());
                insert.setString(4, template.kind().code());
                insert.setString(5, scopes);
                insert.setString(6, hasher.hex(token));
                insert.setString(7, TokenFormat.displayPrefix(token));
                insert.setObject(8, createdAt);
                insert.addBatch();
                keepSampled(sample, sampleSize, token, row, random);
                if ((row + 1) % BATCH_SIZE == 0) {
                    insert.executeBatch();
                }
                if ((row + 1) % COMMIT_EVERY == 0) {
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
            if (database.store().equals("postgres")) {
                settle(connection);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("bulk loading credentials failed: " + failure.getMessage(), failure);
        }
        Collections.shuffle(sample, new Random(7));
        return sample;
    }

    /**
     * Leaves a freshly loaded PostgreSQL table as a long-lived one is: vacuumed and analysed, so that autovacuum does
     * not wake for the load during the measurement, and checkpointed, so that the load's dirty pages are not written
     * out during it either. A role that may not checkpoint only loses the second.
     */
    private static void settle(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (ANALYZE) credentials");
            try {
                statement.execute("CHECKPOINT");
            } catch (SQLException refused) {
                System.err.println("bulk load: CHECKPOINT refused (" + refused.getMessage()
                        + "); a checkpoint may fall into the measurement");
            }
        }
    }

    /** Reservoir sampling: after row {@code row}, each row seen so far is in the sample with equal probability. */
    private static void keepSampled(List<String> sample, int sampleSize, String token, int row,
            SplittableRandom random) {
        if (sample.size() < sampleSize) {
            sample.add(token);
            return;
        }
        int slot = random.nextInt(row + 1);
        if (slot < sampleSize) {
            sample.set(slot, token);
        }
    }

    /** The stored form of a scope set, as the JDBC adapter writes it: wire names in declaration order. */
    private static String scopes(Credential template) {
        return EnumSet.copyOf(template.scopes()).stream().map(Scope::wireName).collect(Collectors.joining(" "));
    }
}
