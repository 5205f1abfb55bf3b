package dev.gatehouse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged {@code gatehouse.jar} running as a child process, with its standard output and error captured. */
final class GatehouseProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private GatehouseProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Runs {@code java -jar gatehouse.jar args...} with no {@code GATEHOUSE_*} variable inherited, its output going
     * to files in {@code directory}: files, unlike pipes, keep every byte a process wrote up to its death.
     */
    static GatehouseProcess start(Path directory, List<String> args) {
        Path jar = Path.of(System.getProperty("gatehouse.jar", "target/gatehouse.jar"));
        assertThat(jar).as("the runnable jar, built by the package phase").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar.toString()));
        command.addAll(args);
        try {
            Path out = Files.createTempFile(directory, "gatehouse-", ".stdout");
            Path err = Files.createTempFile(directory, "gatehouse-", ".stderr");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_"));
            return new GatehouseProcess(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the server logs the port it bound, and returns that port. */
    int awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = LISTENING.matcher(stderr());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                fail("gatehouse exited with " + process.exitValue() + " before listening" + output());
            }
            sleep(50);
        }
        return fail("gatehouse did not listen within " + timeout + output());
    }

    /** Sends SIGTERM and returns at once, while the process shuts down. */
    void signalTerm() {
        process.destroy();
    }

    /** Sends SIGTERM and returns the exit code once the process has ended. */
    int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Sends SIGKILL: the process gets no chance to clean up. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("gatehouse did not exit within " + timeout + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /** Both streams, for failure messages. */
    String output() {
        return "\n--- stdout ---\n" + stdout() + "\n--- stderr ---\n" + stderr();
    }

    /** Kills the process if it still runs, so that no test leaves a server behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The JDK's own free-port trick: bind port 0, read the port, release it. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a pepper file for a test store. */
    static Path pepperFile(Path directory) {
        try {
            return Files.writeString(directory.resolve("pepper"), "test pepper for " + directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
