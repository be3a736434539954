package io.licenseflow.optout.broadcast;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready for subscribers until this replica's feed stands at the end of the change topic. */
@Readiness
@ApplicationScoped
public class BroadcastReadiness implements HealthCheck {

    private final OptOutFeed feed;

    public BroadcastReadiness(OptOutFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("optout-broadcast").status(feed.isReady());
        if (feed.isReady()) {
            response.withData("position", feed.currentPosition().encode()).withData("subscribers", feed.subscriberCount());
        }
        return response.build();
    }
}
