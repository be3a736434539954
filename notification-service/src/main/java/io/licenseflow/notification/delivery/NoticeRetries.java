package io.licenseflow.notification.delivery;

import io.licenseflow.commons.retry.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The notices' retry schedule ({@code licenseflow.notices.first-retry}, {@code max-retry-interval}, {@code give-up-after}). */
@ApplicationScoped
public class NoticeRetries {

    @Produces
    @Singleton
    RetrySchedule schedule(@ConfigProperty(name = "licenseflow.notices.first-retry") Duration first,
            @ConfigProperty(name = "licenseflow.notices.max-retry-interval") Duration most,
            @ConfigProperty(name = "licenseflow.notices.give-up-after") Duration giveUpAfter) {
        return new RetrySchedule(first, most, giveUpAfter);
    }
}
