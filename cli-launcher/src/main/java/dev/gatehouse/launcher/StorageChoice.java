package dev.gatehouse.launcher;

import dev.gatehouse.adapters.inmemory.InMemoryStorage;
import dev.gatehouse.adapters.jdbc.JdbcStorage;
import dev.gatehouse.ports.model.StorageException;
import dev.gatehouse.ports.out.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which store to open; {@link #toString()} never shows a password that a JDBC URL may carry. */
sealed interface StorageChoice {

    /** Opens the store, running its migrations where it has any. */
    Storage open();

    /** Whether data outlives the process. */
    boolean persistent();

    /** Keeps everything in memory. */
    record InMemory() implements StorageChoice {
        @Override
        public Storage open() {
            return InMemoryStorage.create();
        }

        @Override
        public boolean persistent() {
            return false;
        }

        @Override
        public String toString() {
            return "in-memory store";
        }
    }

    /** An embedded H2 database in files under {@code directory}. */
    record H2File(Path directory) implements StorageChoice {

        /** The base name of the database files inside the data directory. */
        static final String DATABASE_NAME = "gatehouse";

        public H2File {
            directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        }

        @Override
        public Storage open() {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new StorageException("cannot create the data directory " + directory, e);
            }
            return JdbcStorage.h2File(directory.resolve(DATABASE_NAME));
        }

        @Override
        public boolean persistent() {
            return true;
        }

        @Override
        public String toString() {
            return "H2 database in " + directory;
        }
    }

    /** A PostgreSQL database. */
    record Postgres(String jdbcUrl) implements StorageChoice {

        private static final Pattern URL = Pattern.compile("^(jdbc:postgresql:(?://)?)(?:[^/?@]*@)?([^?]*).*$");

        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        }

        @Override
        public Storage open() {
            return JdbcStorage.postgres(jdbcUrl);
        }

        @Override
        public boolean persistent() {
            return true;
        }

        /** The URL without user information or parameters, which may hold a password. */
        static String redact(String jdbcUrl) {
            Matcher matcher = URL.matcher(jdbcUrl);
            return matcher.matches() ? matcher.group(1) + matcher.group(2) : "jdbc:postgresql:(unparsable URL)";
        }

        @Override
        public String toString() {
            return "PostgreSQL at " + redact(jdbcUrl);
        }
    }
}
