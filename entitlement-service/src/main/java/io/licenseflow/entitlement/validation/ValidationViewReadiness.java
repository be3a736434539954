package io.licenseflow.entitlement.validation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready to validate until the view holds every license. */
@Readiness
@ApplicationScoped
public class ValidationViewReadiness implements HealthCheck {

    private final ValidationView view;

    public ValidationViewReadiness(ValidationView view) {
        this.view = view;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("validation-view").status(view.loaded()).withData("licenses", view.size()).build();
    }
}
