package io.licenseflow.portal.errors;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every refusal as a page in plain words with a stable code: the portal's own (csrf-token-invalid, no-access) and the
 * services' problem+json answers (their code and words, docs/errors.md).
 */
@ApplicationScoped
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    @Location("error.html")
    Template error;

    public Response page(int status, String code, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("status", status).data("code", code).data("title", title).data("detail", detail).render()).build();
    }

    @ServerExceptionMapper
    public Response refused(PageRefusal refusal) {
        return page(refusal.status(), refusal.code(), refusal.title(), refusal.detail());
    }

    /** A page of another role ({@code @RolesAllowed}). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException refused) {
        return page(403, "not-for-your-role", "You do not have access to this page",
                "This page is for another kind of user than your sign-in. Your own pages are linked at the top.");
    }

    @ServerExceptionMapper
    public Response noSuchPage(NotFoundException missing) {
        return page(404, "not-found", "Not found", "There is no page at this address.");
    }

    @ServerExceptionMapper
    public Response refusedRequest(WebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(refused);
        }
        return page(status, "bad-request", "This request cannot be answered", "The address or the form was not what this page expects.");
    }

    /** Anything unforeseen: logged with an id the page shows, so that support can find it. */
    @ServerExceptionMapper
    public Response unexpected(Exception failure) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure %s", id);
        return page(500, "internal-error", "Something went wrong",
                "The portal could not show this page. Try again; if it keeps happening, give support this reference: " + id);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException failure) {
        LOG.warnf("a service could not be reached: %s", failure.getMessage());
        return page(503, "service-unavailable", "A LicenseFlow service is not answering",
                "Part of LicenseFlow cannot be reached right now. Try again in a moment.");
    }
}
