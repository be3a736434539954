package io.licenseflow.portal.session;

import io.licenseflow.portal.errors.ErrorPages;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses every request that could change something (any method but GET and HEAD) unless it carries the session's CSRF
 * token, in the form field or the htmx header. Runs after the form is read, before the resource method.
 */
public class CsrfCheck {

    @Inject
    CsrfToken csrf;

    @Inject
    ErrorPages errors;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return null;
        }
        String presented = request.getHeaderString(CsrfToken.HEADER);
        if (presented == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(CsrfToken.FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (csrf.matches(presented)) {
            return null;
        }
        return errors.page(403, "csrf-token-invalid", "This form has expired",
                "The page you sent it from was too old or came from another site. Go back, reload the page and try again.");
    }
}
