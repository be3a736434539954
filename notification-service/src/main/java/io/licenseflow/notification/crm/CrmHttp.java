package io.licenseflow.notification.crm;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The connectors' HTTP calls: JSON out, the answer's body back on 2xx, a {@link CrmRefusal} otherwise (5xx, 408 and 429
 * are transient, with {@code Retry-After} when given; other 4xx permanent; no answer within the timeout transient).
 * Redirects are not followed.
 */
@ApplicationScoped
public class CrmHttp {

    private final HttpClient client;
    private final Duration timeout;

    public CrmHttp(CrmSettings settings) {
        this.timeout = settings.timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Uni<String> send(String method, String url, Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("content-type", "application/json")
                .header("user-agent", "LicenseFlow-CRM/1").method(method, HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        // The JDK client completes on its own threads: the answer is handled back on the caller's Vert.x context, where
        // Hibernate Reactive records it.
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                .emitOn(context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run()))
                .onFailure().transform(e -> e instanceof CrmRefusal ? e : new CrmRefusal(null, method + " " + url + ": " + e, false, null))
                .map(response -> {
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return response.body();
                    }
                    boolean transientRefusal = status >= 500 || status == 408 || status == 429;
                    throw new CrmRefusal(status, status + " " + abbreviate(response.body()), !transientRefusal, retryAfter(response));
                });
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("retry-after").filter(v -> v.matches("\\d{1,6}")).map(v -> Duration.ofSeconds(Long.parseLong(v)))
                .orElse(null);
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
