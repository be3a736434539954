package io.licenseflow.entitlement.optout;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to answer (validation carries opt-outs) until the view has read the whole opt-out state topic. */
@Readiness
@ApplicationScoped
public class OptOutViewReadiness implements HealthCheck {

    private final OptOutView view;

    public OptOutViewReadiness(OptOutView view) {
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("optout-view").status(view.caughtUp()).withData("subjects", view.size()).build();
    }
}
