package io.licenseflow.optout.webhook;

import io.licenseflow.commons.retry.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The webhooks' retry schedule: {@code licenseflow.webhooks.first-retry}, {@code max-retry-interval}, {@code give-up-after} (24 h). */
@ApplicationScoped
public class WebhookRetries {

    @Produces
    @Singleton
    RetrySchedule schedule(@ConfigProperty(name = "licenseflow.webhooks.first-retry") Duration first,
            @ConfigProperty(name = "licenseflow.webhooks.max-retry-interval") Duration most,
            @ConfigProperty(name = "licenseflow.webhooks.give-up-after") Duration giveUpAfter) {
        return new RetrySchedule(first, most, giveUpAfter);
    }
}
