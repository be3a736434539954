package io.licenseflow.optout.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When to try a failed delivery again: exponential back-off from {@code first-retry}, doubling per attempt up to
 * {@code max-retry-interval}, each delay drawn at random between half and all of it (jitter, so that the retries of many
 * deliveries to one recovering receiver spread out); a delivery is tried for {@code give-up-after} (24 h), then dead.
 */
@ApplicationScoped
public class RetrySchedule {

    private final Duration first;
    private final Duration most;
    private final Duration giveUpAfter;

    public RetrySchedule(@ConfigProperty(name = "licenseflow.webhooks.first-retry") Duration first,
            @ConfigProperty(name = "licenseflow.webhooks.max-retry-interval") Duration most,
            @ConfigProperty(name = "licenseflow.webhooks.give-up-after") Duration giveUpAfter) {
        this.first = first;
        this.most = most;
        this.giveUpAfter = giveUpAfter;
    }

    /** The delay after the {@code attempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int attempts) {
        long ceiling = first.toMillis() << Math.min(Math.max(attempts - 1, 0), 30);
        long capped = Math.min(ceiling, most.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    public Duration giveUpAfter() {
        return giveUpAfter;
    }
}
