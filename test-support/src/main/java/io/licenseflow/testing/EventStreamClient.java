package io.licenseflow.testing;

import java.io.BufferedReader;
import java.io.InputStream;
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
import java.util.concurrent.atomic.AtomicInteger;

/** A Server-Sent Events stream over a real HTTP/1.1 connection, read as an EventSource reads it. */
public final class EventStreamClient implements AutoCloseable {

    public record Event(String name, String id, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;
    private volatile boolean ended;
    /** The answer's status. */
    public final int status;
    /** Comment lines (heartbeats) received. */
    public final AtomicInteger comments = new AtomicInteger();

    public EventStreamClient(String url, String token, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        body = response.body();
        reader = Thread.ofVirtual().start(this::read);
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
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
            // closed by the test
        }
        ended = true;
    }

    /** Whether the stream ended (the server closed it, or the test did). */
    public boolean ended() {
        return ended;
    }

    /** The next event; fails after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        Event e = poll(timeout);
        if (e == null) {
            throw new AssertionError("no event within " + timeout);
        }
        return e;
    }

    /** The next event named {@code name}, skipping others; fails after {@code timeout}. */
    public Event next(String name, Duration timeout) throws InterruptedException {
        Event e = poll(name, timeout);
        if (e == null) {
            throw new AssertionError("no " + name + " event within " + timeout);
        }
        return e;
    }

    /** The next event within {@code timeout}, or null. */
    public Event poll(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event named {@code name} within {@code timeout}, skipping others, or null. */
    public Event poll(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Event e;
        do {
            e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (e != null && !name.equals(e.name()));
        return e;
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
