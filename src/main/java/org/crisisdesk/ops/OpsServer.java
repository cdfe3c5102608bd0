package org.crisisdesk.ops;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.crisisdesk.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /healthz} and {@code /metrics} over plain HTTP for operators, off unless a port is configured, and bound
 * to loopback unless told otherwise: it has no authentication, so it is for a local scraper or sidecar.
 *
 * <p>It is a deliberately small HTTP/1.1 server (GET, one request per connection) rather than the JDK's
 * {@code HttpServer}, whose only read timeouts are JVM-wide system properties: here every connection gets
 * {@link #READ_TIMEOUT} in all to send its request line and headers, a stalled or slow client ties up one of a few
 * workers for at most that long, connections beyond the workers and a short queue are closed at once, paths match
 * exactly ({@code /healthzanything} is 404), and an error never echoes an exception's text.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    /** How long a client has to send its whole request (line and headers). */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Scrapes and probes are tiny: a few workers serve any sane number of them. */
    public static final int WORKERS = 4;
    private static final int QUEUE = 16;
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADER_LINES = 100;
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final int LINGER_BYTES = 64 * 1024;

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerSocket listener;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Supplier<String> index;
    private final Metrics metrics;
    private final Duration readTimeout;
    private volatile boolean closed;

    /** What the server answers with; bodies are text. */
    private record Response(int status, String reason, String type, String body) {
        static Response text(int status, String reason, String body) {
            return new Response(status, reason, TEXT, body);
        }
    }

    private OpsServer(ServerSocket listener, int workerCount, Supplier<String> index, Metrics metrics,
                      Duration readTimeout) {
        this.listener = listener;
        this.index = index;
        this.metrics = metrics;
        this.readTimeout = readTimeout;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(workerCount, workerCount, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                runnable -> daemon(runnable, "crisisdesk-ops-" + count.incrementAndGet()));
        this.acceptor = daemon(this::acceptLoop, "crisisdesk-ops-accept");
    }

    /** Starts serving; port 0 picks a free one (see {@link #port()}). */
    public static OpsServer start(String address, int port, Engine engine, Metrics metrics) throws IOException {
        return start(address, port, () -> {
            var manifest = engine.manifest();
            return manifest.passages() + " passages, " + manifest.events() + " events";
        }, metrics, READ_TIMEOUT, WORKERS);
    }

    /**
     * As {@link #start(String, int, Engine, Metrics)}, with what the index holds as {@code index} (which throws
     * when the index cannot be read), and the read timeout and worker count given.
     */
    static OpsServer start(String address, int port, Supplier<String> index, Metrics metrics, Duration readTimeout,
                           int workerCount) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(address), port), 50);
        OpsServer server = new OpsServer(listener, workerCount, index, metrics, readTimeout);
        server.acceptor.start();
        LOG.info("health and metrics on http://{}:{}/healthz and /metrics", address, server.port());
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("the ops server stopped accepting connections: {}", e.toString());
                }
                return;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                // Every worker busy and the queue full: dropping the connection keeps the server answering later.
                LOG.debug("ops server busy; connection from {} dropped", socket.getRemoteSocketAddress());
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        open.add(socket);
        try (socket) {
            if (closed) {
                return;
            }
            long deadline = System.nanoTime() + readTimeout.toNanos();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Response response;
            try {
                response = handle(socket, in, deadline);
            } catch (SocketTimeoutException e) {
                response = Response.text(408, "Request Timeout", "request not received in time\n");
            }
            if (response != null) {
                write(socket.getOutputStream(), response);
                closeGracefully(socket, in);
            }
        } catch (IOException e) {
            LOG.debug("ops connection ended: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("ops request failed", e);
        } finally {
            open.remove(socket);
        }
    }

    /** The response to the request on {@code in}; null when the client went away before sending one. */
    private Response handle(Socket socket, InputStream in, long deadline) throws IOException {
        String requestLine = readLine(socket, in, deadline);
        if (requestLine == null) {
            return null;
        }
        if (requestLine.length() > MAX_LINE) {
            return Response.text(414, "URI Too Long", "request line too long\n");
        }
        for (int lines = 0; ; lines++) {
            String header = readLine(socket, in, deadline);
            if (header == null || header.isEmpty()) {
                break;
            }
            if (header.length() > MAX_LINE || lines >= MAX_HEADER_LINES) {
                return Response.text(431, "Request Header Fields Too Large", "headers too large\n");
            }
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            return Response.text(400, "Bad Request", "bad request\n");
        }
        String target = parts[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        boolean known = path.equals("/healthz") || path.equals("/metrics");
        if (!known) {
            return Response.text(404, "Not Found", "not found\n");
        }
        if (!parts[0].equals("GET")) {
            return Response.text(405, "Method Not Allowed", "only GET\n");
        }
        return path.equals("/healthz") ? health() : new Response(200, "OK", PROMETHEUS, metrics.render());
    }

    /**
     * 200 while the index answers and, when a bot runs, its gateway is connected; 503 otherwise. The reason is
     * said in words of our own: an exception's text can hold paths and internals, so it goes to the log only.
     */
    private Response health() {
        String holds;
        try {
            holds = index.get();
        } catch (RuntimeException e) {
            LOG.warn("health check: the index cannot be read", e);
            return Response.text(503, "Service Unavailable", "unhealthy: the index cannot be read (see the log)\n");
        }
        String gateway = metrics.gatewayState();
        if (gateway.equals(Metrics.NO_GATEWAY)) {
            return Response.text(200, "OK", "ok " + holds + "\n");
        }
        if (!gateway.equals(Metrics.CONNECTED)) {
            return Response.text(503, "Service Unavailable", "unhealthy: gateway " + gateway + "\n");
        }
        return Response.text(200, "OK", "ok " + holds + "; gateway " + gateway + "\n");
    }

    /**
     * One CRLF- or LF-terminated line in ISO-8859-1, null at end of stream; stops reading past {@link #MAX_LINE}
     * (returning what it has, which the caller refuses as too long). Every read waits only until {@code deadline},
     * so a client sending a byte now and then cannot stretch its time.
     */
    private static String readLine(Socket socket, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (line.size() <= MAX_LINE) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("request deadline passed");
            }
            socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + response.status() + " " + response.reason() + "\r\n"
                + "Content-Type: " + response.type() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + (response.status() == 405 ? "Allow: GET\r\n" : "")
                + "Cache-Control: no-store\r\n"
                + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /**
     * Ends the response and reads what the client may still be sending (a refused request is not read to its
     * end) before closing: closing with unread bytes makes TCP reset the connection, which can destroy the
     * response before the client has read it. Bounded by {@link #LINGER} and {@link #LINGER_BYTES}.
     */
    private static void closeGracefully(Socket socket, InputStream in) throws IOException {
        socket.shutdownOutput();
        long deadline = System.nanoTime() + LINGER.toNanos();
        byte[] discard = new byte[4096];
        for (int total = 0; total < LINGER_BYTES; ) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return;
            }
            socket.setSoTimeout((int) left);
            int read;
            try {
                read = in.read(discard);
            } catch (SocketTimeoutException e) {
                return;
            }
            if (read < 0) {
                return;
            }
            total += read;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing an ops connection: {}", e.toString());
        }
    }

    /** Stops accepting, closes every open connection and stops the workers. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the ops listener: {}", e.toString());
        }
        open.forEach(OpsServer::closeQuietly);
        workers.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
