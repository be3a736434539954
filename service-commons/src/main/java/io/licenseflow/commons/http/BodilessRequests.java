package io.licenseflow.commons.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A POST, PUT, PATCH or DELETE without a body and without a Content-Type (what {@code curl -X POST} sends) is read as an
 * absent JSON body: an endpoint whose body is optional (a reason, say) then gets null instead of answering 415, and one
 * whose body is required refuses it as a missing body.
 */
public class BodilessRequests {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public void readAsAbsentJson(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean bodiless = (length == null || length.strip().equals("0")) && request.getHeaderString("Transfer-Encoding") == null;
        if (bodiless && BODY_METHODS.contains(request.getMethod()) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
