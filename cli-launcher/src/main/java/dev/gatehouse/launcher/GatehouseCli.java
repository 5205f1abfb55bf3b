package dev.gatehouse.launcher;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code gatehouse} command and the runnable jar's entry point: {@code serve} runs the HTTP API,
 * {@code admin create-key} issues an API key straight from the store.
 */
public final class GatehouseCli {

    private GatehouseCli() {
    }

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
