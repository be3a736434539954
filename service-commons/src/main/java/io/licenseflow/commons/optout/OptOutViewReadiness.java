package io.licenseflow.commons.optout;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to answer (what it answers depends on opt-outs) until the view has read the whole opt-out state topic. */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = OptOutView.ENABLED, stringValue = "true")
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
