package io.licenseflow.optout.broadcast;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A minimal Server-Sent Events reader over a real connection, as an EventSource client reads the stream. */
final class SseStream implements AutoCloseable {

    record Event(String name, String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** Comment lines (heartbeats) received. */
    final java.util.concurrent.atomic.AtomicInteger comments = new java.util.concurrent.atomic.AtomicInteger();
    private final Thread reader;
    private final java.io.InputStream body;
    final int status;
    /** Whether the server ended the stream (or the test closed it). */
    private volatile boolean ended;

    SseStream(String url, String token, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        body = response.body();
        reader = Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = null;
                String id = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (name != null || data.length() > 0) {
                            events.add(new Event(name, id, data.toString()));
                        }
                        name = null;
                        id = null;
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        comments.incrementAndGet();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
            ended = true;
        });
    }

    boolean ended() {
        return ended;
    }

    Event next(Duration timeout) throws InterruptedException {
        Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + timeout);
        }
        return e;
    }

    /** The next event that reports a change, skipping others. */
    Event nextChange(Duration timeout) throws InterruptedException {
        Event e;
        do {
            e = next(timeout);
        } while (!"optout.changed".equals(e.name()));
        return e;
    }

    Event poll(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws java.io.IOException {
        body.close();
        reader.interrupt();
    }
}
