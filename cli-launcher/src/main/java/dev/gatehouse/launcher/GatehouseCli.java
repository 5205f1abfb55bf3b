package dev.gatehouse.launcher;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code gatehouse} command and the runnable jar's entry point: {@code serve} runs the HTTP API,
 * {@code admin create-key} issues an API key straight from the store.
 */
public final class GatehouseCli {

    private GatehouseCli() {
    }

    /** The environment variable that sets the level of Gatehouse's own loggers, and the levels it may name. */
    static final String LOG_LEVEL = "GATEHOUSE_LOG_LEVEL";
    private static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    /** Runs the command line against the process environment and exits the JVM with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(execute(System.getenv(), out, err, args));
    }

    /**
     * Runs the command line, taking the {@code GATEHOUSE_*} defaults from {@code environment}, and returns its exit
     * code: 0 on success, 1 when the command failed, 2 for a usage error. {@code serve} returns only once the
     * server has been stopped.
     */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        String logLevel = environment.get(LOG_LEVEL);
        if (logLevel != null && !LOG_LEVELS.contains(logLevel.trim().toUpperCase(Locale.ROOT))) {
            // Logback would quietly take an unknown level for DEBUG.
            err.println("error: " + LOG_LEVEL + " must be one of " + String.join(", ", LOG_LEVELS) + ", not '"
                    + logLevel + "'");
            return CommandLine.ExitCode.USAGE;
        }
        return commandLine(environment, out, err).execute(args);
    }

    static CommandLine commandLine(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setDefaultValueProvider(new EnvironmentDefaults(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }
}
