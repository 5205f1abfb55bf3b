package dev.gatehouse.adapters.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay on a loopback port to the PostgreSQL server of a JDBC URL, whose open links can be frozen: they stay
 * open but carry nothing either way, as a path does that a failover or a NAT dropping idle connections killed
 * silently, while links opened afterwards work. Thread-safe.
 */
final class FreezableRelay implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?,]+)(?::(\\d+))?(/.*)");
    private static final int DEFAULT_PORT = 5432;

    private final ServerSocket server;
    private final String host;
    private final int port;
    private final String pathAndParameters;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    private FreezableRelay(String host, int port, String pathAndParameters) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.host = host;
        this.port = port;
        this.pathAndParameters = pathAndParameters;
        start(this::accept, "relay-accept");
    }

    /** Starts a relay to the single server named by {@code jdbcUrl} ({@code jdbc:postgresql://host[:port]/...}). */
    static FreezableRelay to(String jdbcUrl) throws IOException {
        Matcher parts = URL.matcher(jdbcUrl);
        if (!parts.matches()) {
            throw new IllegalArgumentException("the relay needs a URL of one host: jdbc:postgresql://host[:port]/...");
        }
        int port = parts.group(2) == null ? DEFAULT_PORT : Integer.parseInt(parts.group(2));
        return new FreezableRelay(parts.group(1), port, parts.group(3));
    }

    /** The URL it was started from, with the relay in place of the server: same database, parameters and schema. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort()
                + pathAndParameters;
    }

    /** Stops every link open now from carrying bytes, in both directions, without closing either of its sockets. */
    void freezeOpenLinks() {
        links.forEach(Link::freeze);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Link link : links) {
            link.close();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Link link = new Link(client, new Socket(host, port));
                links.add(link);
                start(() -> link.pump(link.client, link.upstream), "relay-up");
                start(() -> link.pump(link.upstream, link.client), "relay-down");
            } catch (IOException closedOrRefused) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * One client connection and its connection to the server; frozen, it reads and drops what either side sends, and
     * it closes both once either side closes.
     */
    private static final class Link {

        private final Socket client;
        private final Socket upstream;
        private volatile boolean frozen;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void freeze() {
            frozen = true;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (!frozen) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // one side went away: close() below ends the other direction too
            }
            close();
        }

        void close() {
            try (client; upstream) {
                // closes both sockets
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
