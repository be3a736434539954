package io.licenseflow.optout.webhook;

import io.licenseflow.commons.retry.RetrySchedule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: claims up to a batch (FOR UPDATE SKIP LOCKED, and a lease, so that replicas share the work and a
 * replica that dies mid-send leaves nothing stuck), only the oldest pending delivery of each subject per endpoint (order
 * per subject), posts each signed per Standard Webhooks, and records the answer: 2xx delivered; 410 Gone disables the
 * endpoint; anything else is retried on the {@link RetrySchedule} until the delivery's window closes, then it is dead.
 * Runs every {@code licenseflow.webhooks.poll} and at once when new deliveries were queued.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 100;
    private static final String CLAIM = """
            WITH due AS (
                SELECT d.id FROM webhook_delivery d JOIN webhook_endpoint e ON e.id = d.endpoint_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.enabled
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id
                                  AND p.subject_key = d.subject_key AND p.status = 'pending' AND p.subject_version < d.subject_version)
                ORDER BY d.next_attempt_at LIMIT $1
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => $2)
            FROM due, webhook_endpoint e WHERE d.id = due.id AND e.id = d.endpoint_id
            RETURNING d.id, d.endpoint_id, d.body, d.attempts, d.occurred_at, d.retry_until, e.url, e.secret_sealed,
                      e.previous_secret_sealed, e.previous_secret_until""";

    private final Pool pool;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final RetrySchedule retries;
    private final Vertx vertx;
    private final HttpClient http;
    private final Duration timeout;
    private final MeterRegistry metrics;
    private final Timer latency;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    public WebhookDispatcher(Pool pool, WebhookTargets targets, WebhookSecrets secrets, RetrySchedule retries, Vertx vertx, MeterRegistry metrics,
            @ConfigProperty(name = "licenseflow.webhooks.timeout") Duration timeout) {
        this.pool = pool;
        this.targets = targets;
        this.secrets = secrets;
        this.retries = retries;
        this.timeout = timeout;
        this.metrics = metrics;
        // Redirects are not followed: a receiver cannot send a delivery on to an address the checks would refuse.
        this.vertx = vertx;
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis()).setVerifyHost(true)
                .setMaxPoolSize(50).setName("webhooks"));
        this.latency = Timer.builder("licenseflow.webhook.latency").description("From a change's commit to its delivery's 2xx")
                .publishPercentileHistogram().register(metrics);
        for (String outcome : OUTCOMES) {
            metrics.counter("licenseflow.webhook.attempts", "outcome", outcome); // at zero from the start: see count()
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        http.close();
    }

    /** New deliveries were queued: send them now rather than at the next poll. */
    public void kick() {
        Infrastructure.getDefaultWorkerPool().execute(this::dispatchDue);
    }

    @Scheduled(every = "${licenseflow.webhooks.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        dispatchDue();
    }

    /** One pass at a time per replica; a kick during a pass makes it go round once more. */
    void dispatchDue() {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                List<DueDelivery> due;
                while (!(due = claim()).isEmpty()) {
                    List<CompletableFuture<Void>> sent = new ArrayList<>();
                    for (DueDelivery delivery : due) {
                        sent.add(send(delivery));
                    }
                    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
                }
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatch failed, retrying at the next poll: %s", e.toString());
            } finally {
                running.set(false);
            }
        }
    }

    private List<DueDelivery> claim() {
        long lease = timeout.toSeconds() * 3 + 5;
        List<DueDelivery> due = new ArrayList<>();
        for (Row r : pool.preparedQuery(CLAIM).execute(Tuple.of(BATCH, lease)).await().atMost(Duration.ofSeconds(30))) {
            due.add(new DueDelivery(r.getUUID("id"), r.getUUID("endpoint_id"), r.getString("body"), r.getInteger("attempts"),
                    instant(r, "occurred_at"), instant(r, "retry_until"), r.getString("url"), r.getString("secret_sealed"),
                    r.getString("previous_secret_sealed"), instant(r, "previous_secret_until")));
        }
        return due;
    }

    private CompletableFuture<Void> send(DueDelivery delivery) {
        try {
            return post(delivery);
        } catch (RuntimeException unsendable) {
            return CompletableFuture.completedFuture(failed(delivery, null, unsendable.toString()));
        }
    }

    /**
     * Posts one delivery and records its answer. Only the status is read: the receiver's body is not (a receiver could
     * answer without end), and the request is reset at the deadline, so that no attempt outlives it.
     */
    private CompletableFuture<Void> post(DueDelivery delivery) {
        WebhookTargets.Target target;
        try {
            target = targets.resolve(delivery.url());
        } catch (RuntimeException refused) {
            return CompletableFuture.completedFuture(failed(delivery, null, "target refused: " + refused.getMessage()));
        }
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.host()).setPort(target.port())
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress())).setSsl(target.tls())
                .setURI(target.pathAndQuery()).setFollowRedirects(false)
                .putHeader("content-type", "application/json").putHeader("user-agent", "LicenseFlow-Webhooks/1")
                .putHeader("webhook-id", delivery.messageId()).putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", secrets.signature(delivery, timestamp));
        CompletableFuture<Integer> answered = new CompletableFuture<>();
        http.request(request).onFailure(answered::completeExceptionally).onSuccess(sending -> {
            long deadline = vertx.setTimer(timeout.toMillis(), t -> {
                answered.completeExceptionally(new java.util.concurrent.TimeoutException("no answer within " + timeout));
                sending.reset();
            });
            sending.send(Buffer.buffer(delivery.body())).onFailure(answered::completeExceptionally).onSuccess(response -> {
                vertx.cancelTimer(deadline);
                answered.complete(response.statusCode());
                sending.reset(); // the connection closes rather than reading what the receiver sends back
            });
        });
        return answered.handleAsync((status, error) -> {
            if (error != null) {
                return failed(delivery, null, error.toString());
            }
            if (status >= 200 && status < 300) {
                return delivered(delivery, status);
            }
            if (status == 410) {
                return gone(delivery);
            }
            return failed(delivery, status, "answered " + status);
        }, Infrastructure.getDefaultWorkerPool());
    }

    private Void delivered(DueDelivery delivery, int status) {
        pool.preparedQuery("UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, last_attempt_at = now(), "
                + "last_status = $2, last_error = NULL, delivered_at = now() WHERE id = $1").execute(Tuple.of(delivery.id(), status))
                .await().atMost(Duration.ofSeconds(30));
        latency.record(Duration.between(delivery.occurredAt(), Instant.now()));
        count("delivered");
        return null;
    }

    private Void gone(DueDelivery delivery) {
        pool.withTransaction(c -> c.preparedQuery("UPDATE webhook_delivery SET status = 'dead', attempts = attempts + 1, "
                + "last_attempt_at = now(), last_status = 410, last_error = 'the endpoint answered 410 Gone' WHERE id = $1")
                .execute(Tuple.of(delivery.id()))
                .chain(() -> c.preparedQuery("UPDATE webhook_endpoint SET enabled = false, updated_at = now(), "
                        + "disabled_reason = 'answered 410 Gone to delivery ' || $2 WHERE id = $1").execute(Tuple.of(delivery.endpointId(), delivery.messageId()))))
                .await().atMost(Duration.ofSeconds(30));
        LOG.warnf("webhook endpoint %s answered 410 Gone: disabled", delivery.endpointId());
        count("gone");
        return null;
    }

    private Void failed(DueDelivery delivery, Integer status, String error) {
        int attempts = delivery.attempts() + 1;
        Instant next = Instant.now().plus(retries.delayAfter(attempts));
        boolean dead = next.isAfter(delivery.retryUntil());
        pool.preparedQuery("UPDATE webhook_delivery SET attempts = $2, last_attempt_at = now(), last_status = $3, last_error = $4, "
                + "next_attempt_at = $5, status = $6 WHERE id = $1")
                .execute(Tuple.tuple().addUUID(delivery.id()).addInteger(attempts).addInteger(status).addString(truncate(error))
                        .addOffsetDateTime(OffsetDateTime.ofInstant(next, ZoneOffset.UTC)).addString(dead ? WebhookDelivery.DEAD : WebhookDelivery.PENDING))
                .await().atMost(Duration.ofSeconds(30));
        if (dead) {
            LOG.warnf("webhook delivery %s to endpoint %s is dead after %d attempts: %s", delivery.messageId(), delivery.endpointId(), attempts, error);
        }
        count(dead ? "dead" : "retry");
        return null;
    }

    /** Every attempt's outcome: delivered, gone (410, endpoint disabled), retry (failed, tried again later), dead. */
    private static final List<String> OUTCOMES = List.of("delivered", "gone", "retry", "dead");

    private void count(String outcome) {
        metrics.counter("licenseflow.webhook.attempts", "outcome", outcome).increment();
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
