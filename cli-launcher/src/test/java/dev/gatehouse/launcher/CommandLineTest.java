package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.http.HttpSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** How the options and their environment variables choose what a command does, and how bad ones are refused. */
class CommandLineTest {

    private static final String PG_URL = "jdbc:postgresql://db.example:5432/gatehouse?user=gh&password=hunter2";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path temp;

    @Test
    void serveDefaultsToPort8080AnH2StoreInGatehouseDataAndNoPepper() {
        ServeCommand serve = serve(Map.of());

        GatehouseSettings settings = serve.settings();

        assertThat(serve.port).isEqualTo(8080);
        assertThat(serve.organizationName).isEqualTo("default");
        assertThat(settings.storage()).isEqualTo(new StorageChoice.H2File(Path.of("gatehouse-data")));
        assertThat(((StorageChoice.H2File) settings.storage()).directory())
                .isEqualTo(Path.of("gatehouse-data").toAbsolutePath().normalize());
        assertThat(settings.pepper()).isNull();
        assertThat(settings.lastUsedFlushInterval()).isNull();
        assertThat(settings.verificationCache()).isEqualTo(new VerificationCacheSettings(100_000,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Test
    void everyServeOptionHasAnEnvironmentVariable() throws IOException {
        Path pepper = Files.write(temp.resolve("pepper"), "s3cret-pepper\n".getBytes(StandardCharsets.UTF_8));
        ServeCommand serve = serve(Map.of(
                "GATEHOUSE_PORT", "9123",
                "GATEHOUSE_DATA_DIR", temp.resolve("data").toString(),
                "GATEHOUSE_PEPPER_FILE", pepper.toString(),
                "GATEHOUSE_ORG_NAME", "acme",
                "GATEHOUSE_LAST_USED_FLUSH_INTERVAL", "PT30S",
                "GATEHOUSE_VERIFICATION_CACHE_SIZE", "5000",
                "GATEHOUSE_VERIFICATION_CACHE_TTL", "PT30S",
                "GATEHOUSE_UNKNOWN_TOKEN_CACHE_TTL", "0"));

        GatehouseSettings settings = serve.settings();

        assertThat(serve.port).isEqualTo(9123);
        assertThat(serve.organizationName).isEqualTo("acme");
        assertThat(settings.storage()).isEqualTo(new StorageChoice.H2File(temp.resolve("data")));
        assertThat(settings.pepper()).isEqualTo("s3cret-pepper\n".getBytes(StandardCharsets.UTF_8));
        assertThat(settings.lastUsedFlushInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.verificationCache()).isEqualTo(new VerificationCacheSettings(5_000,
                Duration.ofSeconds(30), Duration.ZERO));
    }

    @Test
    void environmentChoosesPostgresOrTheInMemoryStore() {
        assertThat(serve(Map.of("GATEHOUSE_JDBC_URL", PG_URL, "GATEHOUSE_MASTER_KEY_FILE", "/etc/gatehouse/master.key"))
                .settings().storage())
                .isEqualTo(new StorageChoice.Postgres(PG_URL));
        assertThat(serve(Map.of("GATEHOUSE_IN_MEMORY", "true")).settings().storage())
                .isEqualTo(new StorageChoice.InMemory());
        assertThat(serve(Map.of("GATEHOUSE_IN_MEMORY", "false")).settings().storage())
                .isInstanceOf(StorageChoice.H2File.class);
    }

    @Test
    void anEmptyEnvironmentVariableCountsAsUnset() {
        ServeCommand serve = serve(Map.of("GATEHOUSE_PORT", "", "GATEHOUSE_JDBC_URL", ""));

        assertThat(serve.port).isEqualTo(8080);
        assertThat(serve.settings().storage()).isInstanceOf(StorageChoice.H2File.class);
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentForTheSameOption() {
        ServeCommand serve = serve(Map.of("GATEHOUSE_PORT", "9000", "GATEHOUSE_ORG_NAME", "acme"),
                "--port", "9001", "--org-name", "globex");

        assertThat(serve.port).isEqualTo(9001);
        assertThat(serve.organizationName).isEqualTo("globex");
    }

    @Test
    void theHttpLimitsDefaultToTheHttpApisDefaultsAndFollowTheEnvironmentAndTheCommandLine() {
        assertThat(serve(Map.of()).httpSettings()).isEqualTo(HttpSettings.defaults());

        HttpSettings fromEnvironment = serve(Map.of("GATEHOUSE_RATE_LIMIT_BURST", "500",
                "GATEHOUSE_RATE_LIMIT_PER_SECOND", "250.5", "GATEHOUSE_FAILED_AUTH_DELAY", "PT0.2S")).httpSettings();
        assertThat(fromEnvironment.rateLimitBurst()).isEqualTo(500);
        assertThat(fromEnvironment.rateLimitPerSecond()).isEqualTo(250.5);
        assertThat(fromEnvironment.failedAuthenticationDelay()).isEqualTo(Duration.ofMillis(200));

        HttpSettings fromCommandLine = serve(Map.of("GATEHOUSE_RATE_LIMIT_BURST", "500"),
                "--rate-limit-burst", "7", "--failed-auth-delay", "0").httpSettings();
        assertThat(fromCommandLine.rateLimitBurst()).isEqualTo(7);
        assertThat(fromCommandLine.failedAuthenticationDelay()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "--rate-limit-burst, 0, --rate-limit-burst must be at least 1, not 0",
        "--rate-limit-per-second, 0, --rate-limit-per-second must be a finite number greater than 0, not 0.0",
        "--failed-auth-delay, -PT1S, '-PT1S' is a negative duration",
        "--failed-auth-delay, soon, 'soon' is not a duration such as PT5S or 5 (seconds)",
        "--verification-cache-size, -1, --verification-cache-size must be at least 0, not -1",
        "--verification-cache-size, many, Invalid value for option '--verification-cache-size': 'many' is not a long",
        "--verification-cache-ttl, -PT1S, '-PT1S' is a negative duration",
        "--unknown-token-cache-ttl, later, 'later' is not a duration such as PT5S or 5 (seconds)",
        "--last-used-flush-interval, 10000000000, '10000000000' is too long a duration: at most PT2562047H47M16.854775807S",
        "--failed-auth-delay, P110000D, 'P110000D' is too long a duration: at most PT2562047H47M16.854775807S",
        "--failed-auth-delay, PT1500000H, --failed-auth-delay must be at most PT1M, not PT1500000H",
        "--last-used-flush-interval, PT0.0001S, --last-used-flush-interval must be at least PT0.001S, not PT0.0001S",
    })
    void limitsOutOfRangeAreAUsageError(String option, String value, String message) {
        int exit = run(Map.of(), "serve", "--in-memory", option, value);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(message).contains("Usage: gatehouse serve");
    }

    @Test
    void anUnknownLogLevelIsAUsageErrorRatherThanQuietlyDebug() {
        int exit = run(Map.of("GATEHOUSE_LOG_LEVEL", "verbose"), "serve", "--in-memory");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("GATEHOUSE_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF,"
                + " not 'verbose'");
        assertThat(run(Map.of("GATEHOUSE_LOG_LEVEL", "warn"), "--version")).isZero();
    }

    @Test
    void everyServeOptionButHelpAndVersionHasAnEnvironmentVariable() {
        CommandLine serve = GatehouseCli.commandLine(Map.of(), new PrintWriter(out), new PrintWriter(err))
                .getSubcommands().get("serve");

        assertThat(serve.getCommandSpec().options())
                .extracting(CommandLine.Model.OptionSpec::longestName)
                .filteredOn(name -> !name.equals("--help") && !name.equals("--version"))
                .allSatisfy(name -> assertThat(EnvironmentDefaults.VARIABLES).containsKey(name));
    }

    @Test
    void eachVerificationCacheOptionKeepsTheCoresDefaultForTheOthers() {
        GatehouseSettings settings = serve(Map.of("GATEHOUSE_VERIFICATION_CACHE_SIZE", "5000"),
                "--verification-cache-size", "0", "--verification-cache-ttl", "PT0.25S").settings();

        assertThat(settings.verificationCache()).isEqualTo(new VerificationCacheSettings(0, Duration.ofMillis(250),
                Duration.ofSeconds(1)));
    }

    @Test
    void portZeroIsAccepted() {
        assertThat(serve(Map.of(), "--port", "0").settings()).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({
        "--in-memory,, --jdbc-url, " + PG_URL,
        "--in-memory,, --data-dir, /tmp/gatehouse-conflict",
        "--jdbc-url, " + PG_URL + ", --data-dir, /tmp/gatehouse-conflict",
    })
    void twoStoresOnTheCommandLineAreAUsageError(String first, String firstValue, String second, String secondValue) {
        String[] args = firstValue == null
                ? new String[] {"serve", first, second, secondValue}
                : new String[] {"serve", first, firstValue, second, secondValue};

        int exit = run(Map.of(), args);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains(first + " and " + second + " cannot be combined: choose one store")
                .contains("Usage: gatehouse serve");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aStoreFromTheEnvironmentConflictingWithTheCommandLineNamesTheVariable() {
        int exit = run(Map.of("GATEHOUSE_IN_MEMORY", "true"), "serve", "--jdbc-url", PG_URL);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("--in-memory (from GATEHOUSE_IN_MEMORY) and --jdbc-url cannot be combined");
    }

    @Test
    void aConflictNeverPrintsTheJdbcUrlPassword() {
        run(Map.of("GATEHOUSE_JDBC_URL", PG_URL), "serve", "--in-memory");

        assertThat(err.toString()).contains("cannot be combined").doesNotContain("hunter2");
    }

    @Test
    void aJdbcUrlOtherThanPostgresIsAUsageError() {
        int exit = run(Map.of(), "serve", "--jdbc-url", "jdbc:mysql://localhost/gatehouse");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--jdbc-url must be a PostgreSQL JDBC URL");
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:postgresql://gh:hunter2@db:5432/gatehouse, a user or password before the host",
        "jdbc:postgresql://gh:hunter2@db/gatehouse?sslmode=require, a user or password before the host",
        "jdbc:postgresql://db:5432/gatehouse;password=hunter2, after '?'",
    })
    void aJdbcUrlThePostgresDriverWouldMisreadIsAUsageErrorThatNeverRepeatsThePassword(String url, String why) {
        int exit = run(Map.of(), "serve", "--jdbc-url", url, "--master-key-file", "/tmp/unused.key");
        int fromEnvironment = run(Map.of("GATEHOUSE_JDBC_URL", url), "admin", "create-key", "--org", "acme",
                "--name", "ci", "--scope", "project:read");

        assertThat(exit).isEqualTo(2);
        assertThat(fromEnvironment).isEqualTo(2);
        assertThat(err.toString()).contains("--jdbc-url: a PostgreSQL JDBC URL")
                .contains("--jdbc-url (from GATEHOUSE_JDBC_URL): a PostgreSQL JDBC URL").contains(why)
                .doesNotContain("hunter2");
    }

    @ParameterizedTest
    @CsvSource({"-1", "65536"})
    void aPortOutsideTheRangeIsAUsageError(String port) {
        int exit = run(Map.of(), "serve", "--in-memory", "--port", port);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be a port from 0 to 65535, not " + port);
    }

    @Test
    void aPortVariableThatIsNotANumberIsAUsageError() {
        int exit = run(Map.of("GATEHOUSE_PORT", "http"), "serve", "--in-memory");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--port").contains("'http' is not an int");
    }

    @Test
    void aMissingPepperFileIsAUsageError() {
        int exit = run(Map.of(), "serve", "--in-memory", "--pepper-file", temp.resolve("absent").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the pepper file given by --pepper-file");
    }

    @Test
    void anEmptyPepperFileIsAUsageError() throws IOException {
        Path empty = Files.createFile(temp.resolve("empty"));

        int exit = run(Map.of("GATEHOUSE_PEPPER_FILE", empty.toString()), "serve", "--in-memory");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("the pepper file given by --pepper-file (from GATEHOUSE_PEPPER_FILE) is empty");
    }

    @Test
    void aFlushIntervalThatIsNotADurationIsAUsageError() {
        int exit = run(Map.of(), "serve", "--in-memory", "--last-used-flush-interval", "soon");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void createKeyRefusesTheInMemoryStore() {
        int exit = run(Map.of(), "admin", "create-key", "--in-memory",
                "--org", "default", "--name", "ci", "--scope", "project:read");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--in-memory cannot be used here");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void createKeyReadsScopesRepeatedOrCommaSeparated() {
        CreateKeyCommand createKey = createKey("--org", "default", "--name", "ci",
                "--scope", "project:read,project:write_token", "--scope", "organization:read",
                "--expires-at", "2030-01-31T01:00:00+01:00");

        assertThat(createKey.scopes).extracting(dev.gatehouse.ports.model.Scope::wireName)
                .containsExactly("project:read", "project:write_token", "organization:read");
        assertThat(createKey.expiresAt).isEqualTo(java.time.Instant.parse("2030-01-31T00:00:00Z"));
    }

    @Test
    void anUnknownScopeIsAUsageErrorThatListsTheScopes() {
        int exit = run(Map.of(), "admin", "create-key", "--org", "default", "--name", "ci", "--scope", "project:everything");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scope 'project:everything'")
                .contains("project:write_token").contains("organization:create_api_key");
    }

    @Test
    void createKeyNeedsOrganizationNameAndScope() {
        int exit = run(Map.of(), "admin", "create-key", "--name", "ci");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required options").contains("--org").contains("--scope");
    }

    @Test
    void anExpiryThatIsNotAnIsoDateTimeIsAUsageError() {
        int exit = run(Map.of(), "admin", "create-key", "--org", "default", "--name", "ci", "--scope", "project:read",
                "--expires-at", "tomorrow");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("'tomorrow' is not an ISO 8601 date-time");
    }

    @Test
    void helpNamesEveryEnvironmentVariable() {
        int exit = run(Map.of(), "serve", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("GATEHOUSE_PORT", "GATEHOUSE_DATA_DIR", "GATEHOUSE_IN_MEMORY",
                "GATEHOUSE_JDBC_URL", "GATEHOUSE_PEPPER_FILE", "GATEHOUSE_ORG_NAME");
    }

    @Test
    void withoutASubcommandTheUsageListsServeAndAdmin() {
        int exit = run(Map.of());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("serve").contains("admin");
    }

    private int run(Map<String, String> environment, String... args) {
        return GatehouseCli.execute(environment, new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private ServeCommand serve(Map<String, String> environment, String... args) {
        return (ServeCommand) parse(environment, prepend("serve", args));
    }

    private CreateKeyCommand createKey(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "admin";
        all[1] = "create-key";
        System.arraycopy(args, 0, all, 2, args.length);
        return (CreateKeyCommand) parse(Map.of(), all);
    }

    private Object parse(Map<String, String> environment, String... args) {
        CommandLine commandLine = GatehouseCli.commandLine(environment, new PrintWriter(out), new PrintWriter(err));
        CommandLine.ParseResult result = commandLine.parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return result.commandSpec().userObject();
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
