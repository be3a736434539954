package io.licenseflow.commons.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per client, per license key, and for keys that open nothing per client: each holds its
 * quota for a window that starts at its first use, and is full again when the window ends (a fixed window per
 * bucket, as RateLimit-Policy's q per w says). {@link #admit} takes one request from the client's and the key's bucket and refuses a
 * client whose unknown-key bucket is empty: 429 {@code too-many-requests} with {@code Retry-After} and the IETF
 * {@code RateLimit}/{@code RateLimit-Policy} fields (draft-ietf-httpapi-ratelimit-headers), which
 * {@link RateLimitHeaders} also puts on admitted answers. Buckets live in this replica's memory: with n replicas
 * behind a balancer a client gets up to n times the quota (docs/errors.md#rate-limits).
 */
@ApplicationScoped
public class RateLimiter {

    static final String HEADERS_KEY = "licenseflow.rate-limit.headers";
    private static final String CLIENT = "client";
    private static final String KEY = "key";
    private static final String UNKNOWN_KEY = "unknown-key";

    private final RateLimitSettings settings;
    private final MeterRegistry registry;
    private final Cache<String, Bucket> clients;
    private final Cache<String, Bucket> keys;
    private final Cache<String, Bucket> unknownKeys;
    private final String policyHeader;

    public RateLimiter(RateLimitSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        this.clients = cache(settings.clientWindow());
        this.keys = cache(settings.keyWindow());
        this.unknownKeys = cache(settings.unknownKeyWindow());
        this.policyHeader = policy(CLIENT, settings.clientQuota(), settings.clientWindow()) + ", "
                + policy(KEY, settings.keyQuota(), settings.keyWindow()) + ", "
                + policy(UNKNOWN_KEY, settings.unknownKeyQuota(), settings.unknownKeyWindow());
    }

    /**
     * Admits one request of {@code client} with the typed {@code licenseKey} (may be null), or throws the 429 problem.
     * The headers for the answer are kept on the request's context.
     */
    public void admit(RateLimitClient client, String licenseKey) {
        if (!settings.enabled()) {
            return;
        }
        Bucket unknown = unknownKeys.get(client.id(), id -> bucket(settings.unknownKeyQuota(), settings.unknownKeyWindow()));
        EstimationProbe wrongKeysLeft = unknown.estimateAbilityToConsume(1);
        if (!wrongKeysLeft.canBeConsumed()) {
            throw refused(UNKNOWN_KEY, wrongKeysLeft.getNanosToWaitForRefill(), client.describe() + " sent more than "
                    + settings.unknownKeyQuota() + " keys that open no license within " + settings.unknownKeyWindow().toSeconds() + " s");
        }
        ConsumptionProbe byClient = clients.get(client.id(), id -> bucket(settings.clientQuota(), settings.clientWindow()))
                .tryConsumeAndReturnRemaining(1);
        if (!byClient.isConsumed()) {
            throw refused(CLIENT, byClient.getNanosToWaitForRefill(), client.describe() + " sent more than " + settings.clientQuota()
                    + " requests within " + settings.clientWindow().toSeconds() + " s");
        }
        String rateLimit = item(CLIENT, byClient.getRemainingTokens(), byClient.getNanosToWaitForReset());
        if (licenseKey != null) {
            ConsumptionProbe byKey = keys.get(keyId(licenseKey), id -> bucket(settings.keyQuota(), settings.keyWindow()))
                    .tryConsumeAndReturnRemaining(1);
            if (!byKey.isConsumed()) {
                throw refused(KEY, byKey.getNanosToWaitForRefill(), "this license key was used more than " + settings.keyQuota()
                        + " times within " + settings.keyWindow().toSeconds() + " s");
            }
            rateLimit += ", " + item(KEY, byKey.getRemainingTokens(), byKey.getNanosToWaitForReset());
        }
        rateLimit += ", " + item(UNKNOWN_KEY, unknown.getAvailableTokens(), 0);
        remember(Map.of("RateLimit", rateLimit, "RateLimit-Policy", policyHeader));
    }

    /** The client's request carried a key that opens no license (malformed or unknown). */
    public void unknownKey(RateLimitClient client) {
        if (settings.enabled()) {
            unknownKeys.get(client.id(), id -> bucket(settings.unknownKeyQuota(), settings.unknownKeyWindow())).tryConsume(1);
        }
    }

    private ProblemException refused(String policy, long nanosToWait, String detail) {
        registry.counter("licenseflow.rate.limited", "policy", policy).increment();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString(seconds));
        headers.put("RateLimit", "\"" + policy + "\";r=0;t=" + seconds);
        headers.put("RateLimit-Policy", policyHeader);
        return new ProblemException(Problem.of(ProblemCode.TOO_MANY_REQUESTS, detail + ": retry in " + seconds + " s"), headers);
    }

    private static String item(String policy, long remaining, long nanosToFull) {
        return "\"" + policy + "\";r=" + remaining + ";t=" + TimeUnit.NANOSECONDS.toSeconds(nanosToFull + TimeUnit.SECONDS.toNanos(1) - 1);
    }

    private static String policy(String name, long quota, Duration window) {
        return "\"" + name + "\";q=" + quota + ";w=" + window.toSeconds();
    }

    private static Bucket bucket(long quota, Duration window) {
        return Bucket.builder().addLimit(limit -> limit.capacity(quota).refillIntervally(quota, window)).build();
    }

    private Cache<String, Bucket> cache(Duration window) {
        return Caffeine.newBuilder().maximumSize(settings.maxTracked()).expireAfterAccess(window.multipliedBy(2)).build();
    }

    /** Keys are counted by a digest of their normalised text, so that no clear key is held here. */
    private static String keyId(String licenseKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(licenseKey.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void remember(Map<String, String> headers) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            context.putLocal(HEADERS_KEY, headers);
        }
    }
}
