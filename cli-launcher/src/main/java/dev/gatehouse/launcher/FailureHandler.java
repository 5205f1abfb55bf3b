package dev.gatehouse.launcher;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.InvalidInputException;
import io.javalin.util.JavalinBindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on standard error and an exit code: 2 for invalid input, 1 otherwise.
 * An unexpected exception is also logged with its stack trace; an expected one (a Gatehouse exception, a busy
 * port) is not. Gatehouse exceptions never carry a secret.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        RuntimeException failure = exception instanceof RuntimeException runtime ? unwrap(runtime) : null;
        String command = commandLine.getCommandSpec().qualifiedName();
        if (failure instanceof InvalidInputException invalid) {
            commandLine.getErr().println("error: invalid " + invalid.field() + ": " + invalid.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (failure instanceof JavalinBindException bind) {
            // Javalin says "Port already in use" whatever went wrong; the socket's own reason may be another.
            commandLine.getErr().println("error: cannot listen on the HTTP port: " + rootReason(bind));
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (failure instanceof GatehouseException expected) {
            commandLine.getErr().println("error: " + expected.getMessage() + causeOf(expected));
            return CommandLine.ExitCode.SOFTWARE;
        }
        LOG.error("{} failed", command, exception);
        commandLine.getErr().println("error: " + command + " failed: " + (failure == null ? exception : failure));
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The exception Guice wrapped while providing an object, or {@code exception} itself. */
    static RuntimeException unwrap(RuntimeException exception) {
        RuntimeException current = exception;
        while ((current instanceof ProvisionException || current instanceof CreationException)
                && current.getCause() instanceof RuntimeException cause) {
            current = cause;
        }
        return current;
    }

    private static String rootReason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String causeOf(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
    }
}
