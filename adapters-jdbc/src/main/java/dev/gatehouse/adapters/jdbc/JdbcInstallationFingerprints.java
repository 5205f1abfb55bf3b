package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.out.InstallationFingerprints;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Fingerprints in the {@code installation_fingerprints} table, one row per name. Thread-safe. */
final class JdbcInstallationFingerprints implements InstallationFingerprints {

    private final JdbcTransactions transactions;

    JdbcInstallationFingerprints(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public String keepFirst(String name, String fingerprint) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Optional<String> kept = find(name);
        if (kept.isPresent()) {
            return kept.get();
        }
        try {
            transactions.write(handle -> handle.createUpdate(
                            "INSERT INTO installation_fingerprints (name, fingerprint) VALUES (:name, :fingerprint)")
                    .bind("name", name)
                    .bind("fingerprint", fingerprint)
                    .execute(),
                    failure -> SqlErrors.translate(failure, Map.of(), "kept by another start",
                            "the installation fingerprint '" + name + "' could not be kept"));
            return fingerprint;
        } catch (ConflictException keptByAnotherStart) {
            return find(name).orElseThrow(() -> new StorageException(
                    "the installation fingerprint '" + name + "' was kept and then lost", keptByAnotherStart));
        }
    }

    private Optional<String> find(String name) {
        return transactions.read(handle -> handle.createQuery(
                        "SELECT fingerprint FROM installation_fingerprints WHERE name = :name")
                .bind("name", name)
                .mapTo(String.class)
                .findOne());
    }
}
