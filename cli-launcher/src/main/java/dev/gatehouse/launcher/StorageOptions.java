package dev.gatehouse.launcher;

import dev.gatehouse.adapters.jdbc.JdbcStorage;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that choose the store, the pepper and the master key, shared by every command that opens a store. */
final class StorageOptions {

    static final Path DEFAULT_DATA_DIR = Path.of("gatehouse-data");

    /** The name of the master key file in the data directory. */
    static final String MASTER_KEY_FILE_NAME = "master.key";
    /** The size of a new master secret, and the least a master key file may hold. */
    static final int MASTER_KEY_BYTES = 32;
    /** The only permissions a master key file may have: read and write for its owner. */
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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

    @Option(names = "--master-key-file", paramLabel = "FILE",
            description = "File holding the master secret that encrypts notification-channel secrets at rest; "
                    + "created on the first start with " + MASTER_KEY_BYTES + " random bytes, readable by its owner "
                    + "only, and refused if group or others may read it. Default: master.key in the data directory; "
                    + "required with --jdbc-url, since every instance sharing a database needs the same one; unused "
                    + "with --in-memory (env GATEHOUSE_MASTER_KEY_FILE).")
    Path masterKeyFile;

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
            String problem = JdbcStorage.passwordHazard(jdbcUrl);
            if (problem != null) {
                throw usage(source("--jdbc-url") + ": " + problem);
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

    /**
     * Where the master secret of {@code choice} is kept: {@code --master-key-file}, else {@code master.key} in the
     * H2 data directory; null for the in-memory store, whose secret lives as long as the process. A PostgreSQL store
     * without {@code --master-key-file} is a usage error: instances that each made their own secret could not read
     * one another's channel secrets.
     */
    Path masterKeyFile(StorageChoice choice) {
        if (!choice.persistent()) {
            return null;
        }
        if (masterKeyFile != null) {
            return masterKeyFile;
        }
        if (choice instanceof StorageChoice.H2File h2) {
            return h2.directory().resolve(MASTER_KEY_FILE_NAME);
        }
        throw usage(source("--jdbc-url") + " needs --master-key-file (or GATEHOUSE_MASTER_KEY_FILE): every instance "
                + "sharing the database must use the same master key file");
    }

    /**
     * The master secret in {@code file}, which is first created, with {@value #MASTER_KEY_BYTES} random bytes and
     * permissions {@code rw-------} from its first moment, if it does not exist and {@code newInstallation} says the
     * store holds nothing yet: a store that already does has its channel secrets encrypted under a key, which a new
     * one could not read. A file that group or others may access, or that holds fewer than
     * {@value #MASTER_KEY_BYTES} bytes, is refused; no message shows the secret.
     */
    static byte[] loadOrCreateMasterKey(Path file, boolean newInstallation) {
        try {
            if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
                if (!newInstallation) {
                    throw new GatehouseException("the master key file " + file + " does not exist, but this store "
                            + "already holds an installation, whose channel secrets are encrypted under the master "
                            + "key it was first started with: give that file (every instance sharing the store uses "
                            + "the same one)");
                }
                createMasterKey(file);
            }
            if (!Files.isRegularFile(file)) {
                throw new GatehouseException("the master key file " + file + " is not a regular file");
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new GatehouseException("the master key file " + file + " has permissions "
                        + PosixFilePermissions.toString(permissions) + ", where only its owner's reading and writing "
                        + "are allowed: make it so, for example with chmod 600 " + file);
            }
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < MASTER_KEY_BYTES) {
                throw new GatehouseException("the master key file " + file + " holds " + secret.length
                        + " bytes; a master key has at least " + MASTER_KEY_BYTES);
            }
            return secret;
        } catch (UnsupportedOperationException e) {
            throw new GatehouseException("the master key file " + file + " needs a file system with POSIX "
                    + "permissions, so that it can be kept readable by its owner only");
        } catch (IOException e) {
            throw new StorageException("cannot read or create the master key file " + file, e);
        }
    }

    /** Writes a new secret to {@code file}, created owner-only rather than narrowed afterwards. */
    private static void createMasterKey(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] secret = new byte[MASTER_KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        try (FileChannel channel = FileChannel.open(file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            ByteBuffer buffer = ByteBuffer.wrap(secret);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (FileAlreadyExistsException madeMeanwhile) {
            // Another process created it first: its secret is the installation's, and the caller reads it next.
        }
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
