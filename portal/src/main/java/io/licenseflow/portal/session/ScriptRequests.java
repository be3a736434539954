package io.licenseflow.portal.session;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Requests that a script made (htmx's, and the live streams' EventSource): when the session has ended they get 499
 * rather than a redirect to Keycloak's login page, which they could not follow; portal.js then reloads the page,
 * which signs in again.
 */
@ApplicationScoped
public class ScriptRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        return context.request().getHeader("HX-Request") != null || (accept != null && accept.contains("text/event-stream"));
    }
}
