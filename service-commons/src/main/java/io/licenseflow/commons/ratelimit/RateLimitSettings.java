package io.licenseflow.commons.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Rate limits of the endpoints that take a license key (validation, activation, usage). Each is a bucket of
 * {@code quota} per {@code window}, filled again when its window ends, held by each replica for itself
 * (docs/errors.md#rate-limits).
 */
@ConfigMapping(prefix = "licenseflow.rate-limit")
public interface RateLimitSettings {

    @WithDefault("true")
    boolean enabled();

    /** Requests per client: a token's client (azp), or the source address of a call authenticated by a key only. */
    @WithDefault("600")
    long clientQuota();

    @WithDefault("PT1M")
    Duration clientWindow();

    /** Requests per license key, from any client. */
    @WithDefault("300")
    long keyQuota();

    @WithDefault("PT1M")
    Duration keyWindow();

    /** Keys that open no license (malformed or unknown) per client: once used up, the client's key calls are refused. */
    @WithDefault("100")
    long unknownKeyQuota();

    @WithDefault("PT1M")
    Duration unknownKeyWindow();

    /** At most this many buckets per policy are held (least recently used go first), so that spraying addresses cannot exhaust memory. */
    @WithDefault("100000")
    long maxTracked();
}
