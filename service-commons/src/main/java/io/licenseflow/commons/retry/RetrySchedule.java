package io.licenseflow.commons.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: exponential back-off from {@code first}, doubling per attempt up to {@code most},
 * each delay drawn at random between half and all of it (jitter, so that the retries of many deliveries to one
 * recovering receiver spread out); a delivery is tried for {@code giveUpAfter}, then given up. Each service builds its
 * own from its configuration (webhooks, notices, CRM sync).
 */
public final class RetrySchedule {

    private final Duration first;
    private final Duration most;
    private final Duration giveUpAfter;

    public RetrySchedule(Duration first, Duration most, Duration giveUpAfter) {
        if (first.isNegative() || first.isZero() || most.compareTo(first) < 0) {
            throw new IllegalArgumentException("a retry schedule needs 0 < first retry <= longest interval");
        }
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
