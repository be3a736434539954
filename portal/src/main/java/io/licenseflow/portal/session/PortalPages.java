package io.licenseflow.portal.session;

import io.licenseflow.portal.errors.ErrorPages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The start page (each role's own), the page for a sign-in without a LicenseFlow role, and the signed-out page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PortalPages {

    @Inject
    PortalUser user;

    @Inject
    ErrorPages errors;

    @Inject
    @Location("signed-out.html")
    Template signedOut;

    @GET
    public Response home() {
        return Response.seeOther(URI.create(user.home())).build();
    }

    @GET
    @Path("no-access")
    public Response noAccess() {
        return errors.page(403, "no-portal-role", "Your sign-in has no LicenseFlow role",
                "You are signed in, but no page of the portal is meant for you. Ask your administrator for access.");
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
