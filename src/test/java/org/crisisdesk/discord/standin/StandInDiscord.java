package org.crisisdesk.discord.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A stand-in for Discord on 127.0.0.1: REST over HTTPS (JDK HttpsServer), the gateway over a WebSocket, and an HTTP
 * CONNECT proxy that routes discord.com to them. It answers what the real Javacord client asks during login and
 * records every REST request so tests can assert on what the bot sent. One server ("guild") with a general channel
 * and a question channel, an admin role, and the users below.
 */
public final class StandInDiscord implements AutoCloseable {

    public static final long APP_ID = 900_000_000_000_000_001L;
    public static final long BOT_ID = APP_ID;
    public static final long GUILD_ID = 900_000_000_000_000_100L;
    public static final long GENERAL_CHANNEL = 900_000_000_000_000_200L;
    public static final long QUESTION_CHANNEL = 900_000_000_000_000_201L;
    public static final long ADMIN_ROLE = 900_000_000_000_000_300L;
    public static final long OWNER_ID = 900_000_000_000_000_400L;
    public static final long ADMIN_USER = 900_000_000_000_000_401L;
    public static final long MEMBER_USER = 900_000_000_000_000_402L;
    public static final long OTHER_BOT = 900_000_000_000_000_403L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String token;
    private final HttpsServer rest;
    private final Gateway gateway;
    private final ConnectProxy proxy;
    private final ExecutorService restThreads = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "stand-in-rest");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Recorded> requests = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private final List<Waiter> anyWaiters = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(910_000_000_000_000_000L);
    private final Map<Long, ObjectNode> messages = new java.util.HashMap<>();
    private final CompletableFuture<JsonNode> identified = new CompletableFuture<>();

    private record Waiter(Predicate<Recorded> predicate, CompletableFuture<Recorded> future) {
    }

    private static final class Failure {
        final Predicate<Recorded> predicate;
        final AtomicInteger remaining;
        final double retryAfterSeconds;
        final int status;

        Failure(Predicate<Recorded> predicate, int times, double retryAfterSeconds, int status) {
            this.predicate = predicate;
            this.remaining = new AtomicInteger(times);
            this.retryAfterSeconds = retryAfterSeconds;
            this.status = status;
        }
    }

    public StandInDiscord(Path directory, String token) throws Exception {
        this.token = token;
        SSLContext tls = TestCertificate.serverContext(directory);
        rest = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        rest.setHttpsConfigurator(new HttpsConfigurator(tls));
        rest.createContext("/", this::handle);
        rest.setExecutor(restThreads);
        rest.start();
        gateway = new Gateway();
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stand-in gateway did not start");
        }
        proxy = new ConnectProxy(Map.of("discord.com:443", rest.getAddress().getPort(),
                "gateway.discord.gg:443", rest.getAddress().getPort()));
    }

    public int proxyPort() {
        return proxy.port();
    }

    /** The Identify payload the client sent. */
    public JsonNode awaitIdentify(Duration timeout) throws Exception {
        return identified.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public long nextId() {
        return ids.incrementAndGet();
    }

    // ---------------------------------------------------------------- REST

    /** The next {@code times} requests matching {@code predicate} get a 429 with {@code Via}, as Discord sends. */
    public void rateLimitNext(Predicate<Recorded> predicate, int times, double retryAfterSeconds) {
        synchronized (failures) {
            failures.add(new Failure(predicate, times, retryAfterSeconds, 429));
        }
    }

    /** The next {@code times} requests matching {@code predicate} get {@code status} (a 5xx) and no work done. */
    public void failNext(Predicate<Recorded> predicate, int times, int status) {
        synchronized (failures) {
            failures.add(new Failure(predicate, times, 0, status));
        }
    }

    /** The first request (past or future) matching {@code predicate}. */
    public Recorded awaitRequest(Predicate<Recorded> predicate, Duration timeout) throws Exception {
        CompletableFuture<Recorded> future = new CompletableFuture<>();
        synchronized (requests) {
            for (Recorded request : requests) {
                if (request.status() < 400 && predicate.test(request)) {
                    return request;
                }
            }
            waiters.add(new Waiter(predicate, future));
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no matching request within " + timeout + "; got " + summary(), e);
        }
    }

    /** The first request matching {@code predicate}, whatever its status (a failure the stand-in injected too). */
    public Recorded awaitAnyRequest(Predicate<Recorded> predicate, Duration timeout) throws Exception {
        CompletableFuture<Recorded> future = new CompletableFuture<>();
        synchronized (requests) {
            for (Recorded request : requests) {
                if (predicate.test(request)) {
                    return request;
                }
            }
            anyWaiters.add(new Waiter(predicate, future));
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no matching request within " + timeout + "; got " + summary(), e);
        }
    }

    public List<Recorded> requests(Predicate<Recorded> predicate) {
        synchronized (requests) {
            return requests.stream().filter(predicate).toList();
        }
    }

    private String summary() {
        synchronized (requests) {
            return requests.stream().map(r -> r.method() + " " + r.path() + " " + r.status()).toList().toString();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            JsonNode json = parseBody(body, exchange.getRequestHeaders().getFirst("Content-Type"));
            Recorded probe = new Recorded(method, path, Map.copyOf(exchange.getRequestHeaders()), body, json, 0, raw);
            Failure failure = null;
            synchronized (failures) {
                for (Failure f : failures) {
                    if (f.remaining.get() > 0 && f.predicate.test(probe)) {
                        f.remaining.decrementAndGet();
                        failure = f;
                        break;
                    }
                }
            }
            int status;
            String response;
            if (failure != null && failure.status != 429) {
                status = failure.status;
                response = "{\"message\":\"" + status + ": upstream trouble\",\"code\":0}";
            } else if (failure != null) {
                status = 429;
                exchange.getResponseHeaders().add("Via", "1.1 google");
                exchange.getResponseHeaders().add("X-RateLimit-Remaining", "0");
                response = "{\"message\":\"You are being rate limited.\",\"retry_after\":" + failure.retryAfterSeconds
                        + ",\"global\":false}";
            } else {
                Reply reply = route(method, path, json);
                status = reply.status;
                response = reply.body;
            }
            Recorded recorded = new Recorded(method, path, Map.copyOf(exchange.getRequestHeaders()), body, json,
                    status, raw);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
            record(recorded);
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void record(Recorded recorded) {
        List<CompletableFuture<Recorded>> complete = new ArrayList<>();
        synchronized (requests) {
            requests.add(recorded);
            anyWaiters.removeIf(w -> {
                if (w.predicate().test(recorded)) {
                    complete.add(w.future());
                    return true;
                }
                return false;
            });
            if (recorded.status() < 400) {
                waiters.removeIf(w -> {
                    if (w.predicate().test(recorded)) {
                        complete.add(w.future());
                        return true;
                    }
                    return false;
                });
            }
        }
        complete.forEach(f -> f.complete(recorded));
    }

    private static JsonNode parseBody(String body, String contentType) {
        if (body.isEmpty()) {
            return null;
        }
        try {
            if (contentType != null && contentType.startsWith("multipart/")) {
                int start = body.indexOf("name=\"payload_json\"");
                if (start < 0) {
                    return null;
                }
                int json = body.indexOf("\r\n\r\n", start) + 4;
                int end = body.indexOf("\r\n--", json);
                return JSON.readTree(body.substring(json, end));
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private record Reply(int status, String body) {
    }

    private Reply route(String method, String path, JsonNode body) {
        String api = "/api/v10";
        if (!path.startsWith(api)) {
            return new Reply(404, "{\"message\":\"404: Not Found\",\"code\":0}");
        }
        String p = path.substring(api.length());
        if (method.equals("GET") && p.equals("/gateway")) {
            return new Reply(200, "{\"url\":\"ws://127.0.0.1:" + gateway.getPort() + "\"}");
        }
        if (method.equals("GET") && p.equals("/oauth2/applications/@me")) {
            return new Reply(200, "{\"id\":\"" + APP_ID + "\",\"name\":\"crisisdesk\",\"description\":\"\","
                    + "\"bot_public\":false,\"bot_require_code_grant\":false,\"flags\":0,"
                    + "\"owner\":{\"id\":\"" + OWNER_ID + "\",\"username\":\"owner\",\"discriminator\":\"0\","
                    + "\"avatar\":null}}");
        }
        if (method.equals("PUT") && p.matches("/applications/\\d+(/guilds/\\d+)?/commands")) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode command : body) {
                ObjectNode copy = command.deepCopy();
                copy.put("id", Long.toString(nextId()));
                copy.put("application_id", Long.toString(APP_ID));
                copy.put("version", "1");
                if (!copy.has("type")) {
                    copy.put("type", 1);
                }
                if (p.contains("/guilds/")) {
                    copy.put("guild_id", Long.toString(GUILD_ID));
                }
                out.add(copy);
            }
            return new Reply(200, out.toString());
        }
        if (method.equals("POST") && p.matches("/interactions/\\d+/[^/]+/callback")) {
            return new Reply(204, "");
        }
        if ((method.equals("PATCH") && p.matches("/webhooks/\\d+/[^/]+/messages/@original"))
                || (method.equals("POST") && p.matches("/webhooks/\\d+/[^/]+"))) {
            return new Reply(200, message(nextId(), GENERAL_CHANNEL, user(BOT_ID, "crisisdesk", true),
                    body == null ? "" : body.path("content").asText(""), null).toString());
        }
        if (method.equals("POST") && p.matches("/channels/\\d+/messages")) {
            long channel = Long.parseLong(p.split("/")[2]);
            ObjectNode sent = message(nextId(), channel, user(BOT_ID, "crisisdesk", true),
                    body == null ? "" : body.path("content").asText(""), null);
            if (body != null) {
                sent.set("components", body.path("components").isArray() ? body.get("components")
                        : JSON.createArrayNode());
            }
            storeMessage(sent);
            return new Reply(200, sent.toString());
        }
        if (method.equals("GET") && p.matches("/channels/\\d+/messages/\\d+")) {
            ObjectNode stored;
            synchronized (messages) {
                stored = messages.get(Long.parseLong(p.split("/")[4]));
            }
            return stored == null ? new Reply(404, "{\"message\":\"Unknown Message\",\"code\":10008}")
                    : new Reply(200, stored.toString());
        }
        if (method.equals("PUT") && p.matches("/channels/\\d+/messages/\\d+/reactions/[^/]+/@me")) {
            return new Reply(204, "");
        }
        return new Reply(404, "{\"message\":\"Unknown route " + method + " " + p + "\",\"code\":0}");
    }

    // ---------------------------------------------------------------- gateway payloads

    public static ObjectNode user(long id, String name, boolean bot) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", Long.toString(id));
        user.put("username", name);
        user.put("discriminator", "0");
        user.putNull("avatar");
        user.put("bot", bot);
        return user;
    }

    public static ObjectNode member(ObjectNode user, long... roles) {
        ObjectNode member = JSON.createObjectNode();
        member.set("user", user);
        ArrayNode roleIds = member.putArray("roles");
        for (long role : roles) {
            roleIds.add(Long.toString(role));
        }
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        member.put("deaf", false);
        member.put("mute", false);
        member.putNull("nick");
        member.putNull("avatar");
        member.putNull("premium_since");
        member.put("pending", false);
        member.putNull("communication_disabled_until");
        member.put("flags", 0);
        return member;
    }

    public static ObjectNode message(long id, long channel, ObjectNode author, String content, List<Long> mentions) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", Long.toString(id));
        message.put("channel_id", Long.toString(channel));
        message.put("guild_id", Long.toString(GUILD_ID));
        message.set("author", author);
        message.put("content", content);
        message.put("timestamp", "2024-01-01T00:00:00.000000+00:00");
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        ArrayNode mentioned = message.putArray("mentions");
        if (mentions != null) {
            for (long user : mentions) {
                mentioned.add(user(user, user == BOT_ID ? "crisisdesk" : "user" + user, user == BOT_ID));
            }
        }
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        message.put("pinned", false);
        message.put("type", 0);
        message.put("flags", 0);
        return message;
    }

    private static ObjectNode role(long id, String name, long permissions, int position) {
        ObjectNode role = JSON.createObjectNode();
        role.put("id", Long.toString(id));
        role.put("name", name);
        role.put("color", 0);
        role.put("hoist", false);
        role.putNull("icon");
        role.putNull("unicode_emoji");
        role.put("position", position);
        role.put("permissions", Long.toString(permissions));
        role.put("managed", false);
        role.put("mentionable", false);
        role.put("flags", 0);
        return role;
    }

    private static ObjectNode textChannel(long id, String name, int position) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("id", Long.toString(id));
        channel.put("type", 0);
        channel.put("guild_id", Long.toString(GUILD_ID));
        channel.put("name", name);
        channel.put("position", position);
        channel.putArray("permission_overwrites");
        channel.put("nsfw", false);
        channel.putNull("parent_id");
        channel.putNull("topic");
        channel.put("rate_limit_per_user", 0);
        channel.put("default_auto_archive_duration", 1440);
        channel.putNull("last_message_id");
        return channel;
    }

    private static ObjectNode guild() {
        ObjectNode guild = JSON.createObjectNode();
        guild.put("id", Long.toString(GUILD_ID));
        guild.put("name", "Mali watchers");
        guild.put("region", "europe");
        guild.put("large", false);
        guild.put("member_count", 1);
        guild.put("owner_id", Long.toString(OWNER_ID));
        guild.put("verification_level", 0);
        guild.put("explicit_content_filter", 0);
        guild.put("default_message_notifications", 0);
        guild.put("mfa_level", 0);
        guild.put("premium_tier", 0);
        guild.put("nsfw_level", 0);
        guild.put("preferred_locale", "en-US");
        guild.putNull("icon");
        guild.putNull("splash");
        guild.putArray("features");
        guild.put("unavailable", false);
        guild.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        ArrayNode channels = guild.putArray("channels");
        channels.add(textChannel(GENERAL_CHANNEL, "general", 0));
        channels.add(textChannel(QUESTION_CHANNEL, "ask-mali", 1));
        guild.putArray("threads");
        ArrayNode roles = guild.putArray("roles");
        roles.add(role(GUILD_ID, "@everyone", 0x400 | 0x800, 0)); // view channel, send messages
        roles.add(role(ADMIN_ROLE, "curators", 0x20, 1)); // manage server
        ArrayNode members = guild.putArray("members");
        members.add(member(user(BOT_ID, "crisisdesk", true)));
        guild.putArray("voice_states");
        guild.putArray("emojis");
        guild.putArray("stickers");
        guild.putArray("presences");
        return guild;
    }

    // ---------------------------------------------------------------- events

    /** Closes the client's gateway connection abruptly: no close frame, as when a network path dies. */
    public void dropGateway() {
        gateway.current().closeConnection(1006, "dropped by the stand-in");
    }

    /** Asks the client to reconnect and resume (op 7 Reconnect), as Discord does before moving a session. */
    public void requestReconnect() {
        gateway.current().send("{\"op\":7,\"d\":null,\"s\":null,\"t\":null}");
    }

    /** Waits until the client has identified or resumed {@code count} times in all. */
    public void awaitSessions(int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (gateway.sessions) {
            while (gateway.sessions.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("only " + gateway.sessions.get() + " gateway sessions, not " + count);
                }
                TimeUnit.NANOSECONDS.timedWait(gateway.sessions, left);
            }
        }
    }

    /** Sessions identified or resumed so far. */
    public int sessions() {
        return gateway.sessions.get();
    }

    /** Resume (op 6) packets the client sent. */
    public int resumes() {
        return gateway.resumes.get();
    }

    /** The close code of the first gateway connection the client closed itself (a clean disconnect). */
    public int awaitClientClose(Duration timeout) throws Exception {
        return gateway.clientClosed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a dispatch event (op 0) on the gateway. */
    public void dispatch(String type, JsonNode data) {
        gateway.dispatch(type, data);
    }

    /** A slash command interaction; returns its id (the callback path is /interactions/{id}/{token}/callback). */
    public long slashCommand(ObjectNode member, String command, ObjectNode... options) {
        return slashCommand("en-US", member, command, options);
    }

    /** A slash command from a client set to {@code locale} ("fr", "en-US"…). */
    public long slashCommand(String locale, ObjectNode member, String command, ObjectNode... options) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", Long.toString(nextId()));
        data.put("name", command);
        data.put("type", 1);
        data.put("guild_id", Long.toString(GUILD_ID));
        ArrayNode opts = data.putArray("options");
        for (ObjectNode option : options) {
            opts.add(option);
        }
        return interaction(2, member, data, null, locale);
    }

    public long autocomplete(ObjectNode member, String command, ObjectNode... options) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", Long.toString(nextId()));
        data.put("name", command);
        data.put("type", 1);
        ArrayNode opts = data.putArray("options");
        for (ObjectNode option : options) {
            opts.add(option);
        }
        return interaction(4, member, data, null, "en-US");
    }

    /** A click on button {@code customId} of a message the bot sent. */
    public long button(ObjectNode member, String customId) {
        return button("en-US", member, customId, JSON.createObjectNode());
    }

    /**
     * A click on button {@code customId} of the message the bot sent as {@code shown} (the {@code data} of its
     * callback, or the body of its message): the interaction carries that message, embeds and buttons included, as
     * Discord's does.
     */
    public long button(String locale, ObjectNode member, String customId, JsonNode shown) {
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        ObjectNode message = message(nextId(), GENERAL_CHANNEL, user(BOT_ID, "crisisdesk", true),
                shown.path("content").asText(""), null);
        if (shown.path("embeds").isArray()) {
            message.set("embeds", shown.get("embeds"));
        }
        if (shown.path("components").isArray()) {
            message.set("components", shown.get("components"));
        }
        message.put("flags", shown.path("flags").asInt(0));
        return interaction(3, member, data, message, locale);
    }

    /** The message the bot posted with {@code shown} (a callback's data) as message {@code id}, for look-ups. */
    public ObjectNode storeBotMessage(long id, long channel, JsonNode shown) {
        ObjectNode message = message(id, channel, user(BOT_ID, "crisisdesk", true), shown.path("content").asText(""),
                null);
        message.set("embeds", shown.path("embeds").isArray() ? shown.get("embeds") : JSON.createArrayNode());
        message.set("components", shown.path("components").isArray() ? shown.get("components")
                : JSON.createArrayNode());
        storeMessage(message);
        return message;
    }

    private void storeMessage(ObjectNode message) {
        synchronized (messages) {
            messages.put(message.path("id").asLong(), message);
        }
    }

    /** A public thread started from message {@code starter} in {@code parent}: its id is the message's. */
    public void createThread(long starter, long parent, String name) {
        ObjectNode thread = JSON.createObjectNode();
        thread.put("id", Long.toString(starter));
        thread.put("type", 11);
        thread.put("guild_id", Long.toString(GUILD_ID));
        thread.put("parent_id", Long.toString(parent));
        thread.put("owner_id", Long.toString(MEMBER_USER));
        thread.put("name", name);
        thread.putNull("last_message_id");
        thread.put("rate_limit_per_user", 0);
        thread.put("message_count", 0);
        thread.put("member_count", 1);
        ObjectNode metadata = thread.putObject("thread_metadata");
        metadata.put("archived", false);
        metadata.put("auto_archive_duration", 1440);
        metadata.put("archive_timestamp", "2024-01-01T00:00:00.000000+00:00");
        metadata.put("locked", false);
        thread.put("newly_created", true);
        dispatch("THREAD_CREATE", thread);
    }

    /** A Discord reply: message {@code id} answering {@code referenced} (a message the bot sent). */
    public void postReply(long id, long channel, ObjectNode author, ObjectNode member, String content,
                          List<Long> mentions, ObjectNode referenced) {
        ObjectNode message = message(id, channel, author, content, mentions);
        message.put("type", 19);
        ObjectNode reference = message.putObject("message_reference");
        reference.put("message_id", referenced.path("id").asText());
        reference.put("channel_id", referenced.path("channel_id").asText());
        reference.put("guild_id", Long.toString(GUILD_ID));
        message.set("referenced_message", referenced);
        if (member != null) {
            ObjectNode partial = member.deepCopy();
            partial.remove("user");
            message.set("member", partial);
        }
        dispatch("MESSAGE_CREATE", message);
    }

    public static ObjectNode option(String name, String value) {
        ObjectNode option = JSON.createObjectNode();
        option.put("name", name);
        option.put("type", 3);
        option.put("value", value);
        return option;
    }

    public static ObjectNode option(String name, boolean value) {
        ObjectNode option = JSON.createObjectNode();
        option.put("name", name);
        option.put("type", 5);
        option.put("value", value);
        return option;
    }

    public static ObjectNode focused(String name, String value) {
        return option(name, value).put("focused", true);
    }

    public static String token(long interactionId) {
        return "interaction-token-" + interactionId;
    }

    private long interaction(int type, ObjectNode member, ObjectNode data, ObjectNode message, String locale) {
        long id = nextId();
        ObjectNode interaction = JSON.createObjectNode();
        interaction.put("id", Long.toString(id));
        interaction.put("application_id", Long.toString(APP_ID));
        interaction.put("type", type);
        interaction.set("data", data);
        interaction.put("guild_id", Long.toString(GUILD_ID));
        interaction.put("channel_id", Long.toString(GENERAL_CHANNEL));
        interaction.set("member", member);
        interaction.put("token", token(id));
        interaction.put("version", 1);
        interaction.put("locale", locale);
        interaction.put("guild_locale", "en-US");
        interaction.put("app_permissions", "2048");
        if (message != null) {
            interaction.set("message", message);
        }
        dispatch("INTERACTION_CREATE", interaction);
        return id;
    }

    /** A message posted by {@code author} in {@code channel}; returns its id. */
    public void postMessage(long id, long channel, ObjectNode author, ObjectNode member, String content,
                            List<Long> mentions) {
        ObjectNode message = message(id, channel, author, content, mentions);
        if (member != null) {
            ObjectNode partial = member.deepCopy();
            partial.remove("user");
            message.set("member", partial);
        }
        dispatch("MESSAGE_CREATE", message);
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rest.stop(0);
            restThreads.shutdownNow();
        }
    }

    private final class Gateway extends WebSocketServer {

        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        private final AtomicInteger sequence = new AtomicInteger();
        private volatile WebSocket session;
        final AtomicInteger sessions = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();
        final CompletableFuture<Integer> clientClosed = new CompletableFuture<>();

        WebSocket current() {
            WebSocket socket = session;
            if (socket == null) {
                throw new IllegalStateException("no client is connected to the gateway");
            }
            return socket;
        }

        private void sessionStarted(WebSocket conn) {
            session = conn;
            synchronized (sessions) {
                sessions.incrementAndGet();
                sessions.notifyAll();
            }
        }

        Gateway() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            setReuseAddr(true);
        }

        void dispatch(String type, JsonNode data) {
            WebSocket socket = session;
            if (socket == null) {
                throw new IllegalStateException("no client is connected to the gateway");
            }
            ObjectNode packet = JSON.createObjectNode();
            packet.put("op", 0);
            packet.put("t", type);
            packet.put("s", sequence.incrementAndGet());
            packet.set("d", data);
            socket.send(packet.toString());
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                JsonNode packet = JSON.readTree(message);
                switch (packet.path("op").asInt(-1)) {
                    case 1 -> conn.send("{\"op\":11}");
                    case 2 -> identify(conn, packet.get("d"));
                    case 6 -> resume(conn, packet.get("d"));
                    default -> {
                        // Presence updates and the like need no answer.
                    }
                }
            } catch (IOException e) {
                conn.close(4002, "Error while decoding payload.");
            }
        }

        private void identify(WebSocket conn, JsonNode identify) {
            if (!("Bot " + token).equals(identify.path("token").asText())) {
                conn.close(4004, "Authentication failed.");
                return;
            }
            ObjectNode ready = JSON.createObjectNode();
            ready.put("v", 10);
            ready.set("user", user(BOT_ID, "crisisdesk", true));
            ArrayNode guilds = ready.putArray("guilds");
            guilds.addObject().put("id", Long.toString(GUILD_ID)).put("unavailable", true);
            ready.put("session_id", "stand-in-session");
            ready.put("resume_gateway_url", "ws://127.0.0.1:" + getPort());
            ready.putObject("application").put("id", Long.toString(APP_ID)).put("flags", 0);
            session = conn;
            dispatch("READY", ready);
            dispatch("GUILD_CREATE", guild());
            sessionStarted(conn);
            identified.complete(identify); // after READY: what a test dispatches next comes after it
        }

        private void resume(WebSocket conn, JsonNode resume) {
            resumes.incrementAndGet();
            if (!("Bot " + token).equals(resume.path("token").asText())
                    || !"stand-in-session".equals(resume.path("session_id").asText())) {
                conn.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
                return;
            }
            session = conn;
            dispatch("RESUMED", JSON.createObjectNode());
            sessionStarted(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            if (conn == session) {
                session = null;
                if (remote) {
                    clientClosed.complete(code);
                }
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // The client reconnects by itself; a test that needs the session fails on its own timeout.
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
