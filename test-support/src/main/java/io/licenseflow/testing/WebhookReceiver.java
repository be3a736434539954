package io.licenseflow.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP listener on loopback standing for a customer's webhook receiver (opt-out webhooks, the CRM webhook
 * connector): records each request, answers as scripted.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request and what it was answered. */
    public record Request(Map<String, List<String>> headers, String body, int answered) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();
    private volatile int otherwise = 200;
    public final List<Request> requests = new CopyOnWriteArrayList<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer next = scripted.poll();
            int status = next == null ? otherwise : next;
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(values)));
            requests.add(new Request(headers, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next answers, in order; then {@link #answerOtherwise}'s. */
    public void answer(Integer... statuses) {
        scripted.addAll(List.of(statuses));
    }

    public void answerOtherwise(int status) {
        otherwise = status;
    }

    public List<Request> answered(int status) {
        return requests.stream().filter(r -> r.answered() == status).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
