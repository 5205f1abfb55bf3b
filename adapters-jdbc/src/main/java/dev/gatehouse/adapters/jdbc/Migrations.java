package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.StorageException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema's Flyway migrations: {@code db/migration/common} for SQL both databases agree on, plus
 * {@code db/migration/<vendor>} where a database needs its own, when that folder exists.
 */
final class Migrations {

    static final String ROOT = "db/migration/";
    static final String COMMON = "common";

    private Migrations() {
    }

    /** A Flyway for {@code dataSource}, migrating up to {@code target} ("latest", or a version such as "1"). */
    static Flyway flyway(DataSource dataSource, Vendor vendor, String target) {
        FluentConfiguration configuration = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations(vendor))
                .target(target);
        return configuration.load();
    }

    /** Brings the schema to the latest version; several processes may do so at once, Flyway serializes them. */
    static void migrateToLatest(DataSource dataSource, Vendor vendor) {
        try {
            flyway(dataSource, vendor, "latest").migrate();
        } catch (FlywayException failure) {
            throw new StorageException("migrating the " + vendor.displayName() + " schema failed", failure);
        }
    }

    private static String[] locations(Vendor vendor) {
        List<String> locations = new ArrayList<>(List.of("classpath:" + ROOT + COMMON));
        if (Migrations.class.getClassLoader().getResource(ROOT + vendor.folder()) != null) {
            locations.add("classpath:" + ROOT + vendor.folder());
        }
        return locations.toArray(String[]::new);
    }
}
