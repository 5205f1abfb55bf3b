package dev.gatehouse.adapters.jdbc;

/** The databases this adapter supports; the folder name is Flyway's name for the database type. */
enum Vendor {
    H2("h2", "H2"),
    POSTGRESQL("postgresql", "PostgreSQL");

    private final String folder;
    private final String displayName;

    Vendor(String folder, String displayName) {
        this.folder = folder;
        this.displayName = displayName;
    }

    /** The folder under {@code db/migration} holding the migrations only this database runs. */
    String folder() {
        return folder;
    }

    String displayName() {
        return displayName;
    }
}
