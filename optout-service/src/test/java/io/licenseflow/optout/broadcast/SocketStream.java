package io.licenseflow.optout.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The JDK's standard WebSocket client on /v1/optouts/ws, collecting the JSON messages it receives. */
final class SocketStream implements AutoCloseable {

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    /** Ping frames received (heartbeats). */
    final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
    private final WebSocket socket;
    /** The HTTP status of a refused handshake; 101 when it succeeded. */
    final int status;

    SocketStream(String url, String token) throws Exception {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onPing(WebSocket ws, java.nio.ByteBuffer message) {
                pings.incrementAndGet();
                return WebSocket.Listener.super.onPing(ws, message);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        messages.add(EventJson.MAPPER.readTree(text.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        WebSocket opened = null;
        int answered = 101;
        try {
            opened = builder.buildAsync(URI.create(url.replaceFirst("^http", "ws")), listener).join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof WebSocketHandshakeException refused)) {
                throw e;
            }
            answered = refused.getResponse().statusCode();
        }
        socket = opened;
        status = answered;
    }

    JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (m == null) {
            throw new AssertionError("no message within " + timeout);
        }
        return m;
    }

    /** The subject id of the next change, skipping other messages. */
    String nextChangedSubject(Duration timeout) throws InterruptedException {
        JsonNode m;
        do {
            m = next(timeout);
        } while (!"optout.changed".equals(m.path("type").asText()));
        return m.path("event").path("payload").path("subject").path("id").asText();
    }

    JsonNode poll(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            socket.abort();
        }
    }
}
