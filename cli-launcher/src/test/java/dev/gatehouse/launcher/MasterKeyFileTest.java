package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.ports.model.GatehouseException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The master key file: where it is, how it is created, and which files are refused. */
class MasterKeyFileTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void theFirstStartCreatesIt32RandomBytesReadableAndWritableByItsOwnerOnly() throws IOException {
        Path file = temp.resolve("data").resolve("master.key");

        byte[] created = StorageOptions.loadOrCreateMasterKey(file, true);

        assertThat(created).hasSize(32);
        assertThat(Files.readAllBytes(file)).isEqualTo(created);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(StorageOptions.loadOrCreateMasterKey(file, true)).as("the next start reads the same secret")
                .isEqualTo(created);
        assertThat(StorageOptions.loadOrCreateMasterKey(temp.resolve("another.key"), true)).isNotEqualTo(created);
    }

    @Test
    void anExistingOwnerOnlyFileIsUsedAsItIsEvenWhenLonger() throws IOException {
        byte[] secret = new byte[48];
        secret[47] = 7;
        Path file = Files.write(temp.resolve("master.key"), secret);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));

        assertThat(StorageOptions.loadOrCreateMasterKey(file, true)).isEqualTo(secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw--w----"})
    void aFileThatGroupOrOthersMayAccessIsRefusedWithoutShowingIt(String permissions) throws IOException {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes();
        Path file = Files.write(temp.resolve("master.key"), secret);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

        assertThatThrownBy(() -> StorageOptions.loadOrCreateMasterKey(file, true))
                .isInstanceOf(GatehouseException.class)
                .hasMessageContaining("the master key file " + file + " has permissions " + permissions
                        + ", where only its owner's reading and writing are allowed")
                .hasMessageContaining("chmod 600")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("0123456789abcdef"));
        assertThat(Files.readAllBytes(file)).as("the file is left as it was").isEqualTo(secret);
    }

    @Test
    void anOwnerOnlyFileTheOwnerMayAlsoRunIsRefusedSayingSo() throws IOException {
        Path file = Files.write(temp.resolve("master.key"), "0123456789abcdef0123456789abcdef".getBytes());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> StorageOptions.loadOrCreateMasterKey(file, true))
                .hasMessageContaining("has permissions rwx------, where only its owner's reading and writing");
    }

    @Test
    void aDirectoryIsRefusedAsNoRegularFile() throws IOException {
        Path directory = Files.createDirectory(temp.resolve("master.key"));

        assertThatThrownBy(() -> StorageOptions.loadOrCreateMasterKey(directory, true))
                .isInstanceOf(GatehouseException.class)
                .hasMessage("the master key file " + directory + " is not a regular file");
    }

    @Test
    void aFileShorterThan32BytesIsRefused() throws IOException {
        Path file = Files.write(temp.resolve("master.key"), new byte[31]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> StorageOptions.loadOrCreateMasterKey(file, true))
                .isInstanceOf(GatehouseException.class)
                .hasMessageContaining("holds 31 bytes; a master key has at least 32");
    }

    @Test
    void anH2StoreKeepsItInItsDataDirectoryUnlessTheOptionOrItsVariablePlaceIt() {
        Path data = temp.resolve("data");
        Path elsewhere = temp.resolve("secrets").resolve("gatehouse.key");

        assertThat(serve(Map.of(), "--data-dir", data.toString()).masterKeyFile())
                .isEqualTo(data.toAbsolutePath().normalize().resolve("master.key"));
        assertThat(serve(Map.of(), "--data-dir", data.toString(), "--master-key-file", elsewhere.toString())
                .masterKeyFile()).isEqualTo(elsewhere);
        assertThat(serve(Map.of("GATEHOUSE_MASTER_KEY_FILE", elsewhere.toString()), "--data-dir", data.toString())
                .masterKeyFile()).isEqualTo(elsewhere);
        assertThat(serve(Map.of()).masterKeyFile())
                .isEqualTo(Path.of("gatehouse-data").toAbsolutePath().normalize().resolve("master.key"));
    }

    @Test
    void theInMemoryStoreUsesASecretOfItsOwnAndPostgresNeedsTheFileNamed() {
        String url = "jdbc:postgresql://db:5432/gatehouse?user=gh&password=hunter2";

        assertThat(serve(Map.of(), "--in-memory").masterKeyFile()).isNull();
        assertThat(serve(Map.of(), "--jdbc-url", url, "--master-key-file", "/etc/gatehouse/master.key")
                .masterKeyFile()).isEqualTo(Path.of("/etc/gatehouse/master.key"));

        int exit = GatehouseCli.execute(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true),
                "serve", "--jdbc-url", url);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--jdbc-url needs --master-key-file (or GATEHOUSE_MASTER_KEY_FILE)")
                .doesNotContain("hunter2");
    }

    @Test
    void settingsNameTheFileButNeverHoldItsSecret() {
        GatehouseSettings settings = serve(Map.of(), "--data-dir", temp.resolve("data").toString());

        assertThat(settings.toString()).contains("masterKeyFile=" + settings.masterKeyFile());
        assertThat(settings.masterKeyFile()).doesNotExist();
    }

    private GatehouseSettings serve(Map<String, String> environment, String... args) {
        CommandLine commandLine = GatehouseCli.commandLine(environment, new PrintWriter(out), new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult result = commandLine.parseArgs(all);
        return ((ServeCommand) result.subcommand().commandSpec().userObject()).settings();
    }
}
