package io.licenseflow.portal.vendor;

import io.licenseflow.portal.services.EntitlementApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The license types on offer and every published version of each ({@code /vendor/license-types}). */
@Path("/vendor/license-types")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "operator"})
public class LicenseTypesResource {

    @Inject
    @RestClient
    EntitlementApi entitlement;

    @Inject
    @Location("vendor/license-types.html")
    Template types;

    @Inject
    @Location("vendor/license-type.html")
    Template type;

    @GET
    public Response types(@QueryParam("after") String after) {
        return Response.ok(types.data("types", entitlement.licenseTypes(200, after))).build();
    }

    @GET
    @Path("/{name}")
    public Response versions(@PathParam("name") String name, @QueryParam("after") String after) {
        return Response.ok(type.data("name", name).data("versions", entitlement.licenseTypeVersions(name, 200, after))).build();
    }
}
