package dev.gatehouse.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that choose the store and the pepper, shared by every command that opens a store. */
final class StorageOptions {

    static final Path DEFAULT_DATA_DIR = Path.of("gatehouse-data");

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the embedded H2 database, created if missing "
                    + "(default: ./gatehouse-data; env GATEHOUSE_DATA_DIR).")
    Path dataDir;

    @Option(names = "--in-memory",
            description = "Keep everything in memory: nothing survives a restart (env GATEHOUSE_IN_MEMORY=true).")
    boolean inMemory;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Use PostgreSQL at this JDBC URL, for example "
                    + "jdbc:postgresql://db:5432/gatehouse?user=gatehouse (env GATEHOUSE_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--pepper-file", paramLabel = "FILE",
            description = "File whose bytes are the HMAC-SHA256 pepper of token hashes; every command on the same "
                    + "store must use the same one. Without it tokens are hashed with plain SHA-256 "
                    + "(env GATEHOUSE_PEPPER_FILE).")
    Path pepperFile;

    /** The store the options choose; two choices at once are a usage error. */
    StorageChoice storage() {
        List<String> chosen = new ArrayList<>();
        if (inMemory) {
            chosen.add(source("--in-memory"));
        }
        if (jdbcUrl != null) {
            chosen.add(source("--jdbc-url"));
        }
        if (dataDir != null) {
            chosen.add(source("--data-dir"));
        }
        if (chosen.size() > 1) {
            throw usage(String.join(" and ", chosen) + " cannot be combined: choose one store "
                    + "(--data-dir for embedded H2, --jdbc-url for PostgreSQL, or --in-memory)");
        }
        if (inMemory) {
            return new StorageChoice.InMemory();
        }
        if (jdbcUrl != null) {
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw usage(source("--jdbc-url") + " must be a PostgreSQL JDBC URL such as "
                        + "jdbc:postgresql://host:5432/database?user=name");
            }
            return new StorageChoice.Postgres(jdbcUrl);
        }
        return new StorageChoice.H2File(dataDir == null ? DEFAULT_DATA_DIR : dataDir);
    }

    /** The pepper read from {@code --pepper-file}, or null when none is configured. */
    byte[] pepper() {
        if (pepperFile == null) {
            return null;
        }
        byte[] pepper;
        try {
            pepper = Files.readAllBytes(pepperFile);
        } catch (IOException e) {
            throw usage("cannot read the pepper file given by " + source("--pepper-file") + ": " + pepperFile
                    + " (" + e.getClass().getSimpleName() + ")");
        }
        if (pepper.length == 0) {
            throw usage("the pepper file given by " + source("--pepper-file") + " is empty: " + pepperFile);
        }
        return pepper;
    }

    /** A usage error of the command this mixin belongs to: exit code 2 with the command's usage. */
    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Names where an option's value came from: the command line, or its environment variable. */
    String source(String option) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
            return option;
        }
        return option + " (from " + EnvironmentDefaults.VARIABLES.get(option) + ")";
    }
}
