package io.licenseflow.portal.vendor;

import io.licenseflow.portal.errors.PageRefusal;
import io.licenseflow.portal.services.OptOutApi;
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
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The compliance log ({@code /vendor/compliance}): its latest entries, the verification of the whole hash chain, and
 * its export (CSV or JSON, streamed through from optout-service) for auditors.
 */
@Path("/vendor/compliance")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "operator"})
public class ComplianceResource {

    private static final Map<String, String> FORMATS = Map.of("csv", "text/csv", "json", MediaType.APPLICATION_JSON);

    @Inject
    @RestClient
    OptOutApi optOuts;

    @Inject
    @Location("vendor/compliance.html")
    Template compliance;

    /**
     * The latest entries. Verifying recomputes the whole chain, so it is not done on every page: with JavaScript the page
     * asks for it once it is shown, without it {@code ?verify=true} includes it.
     */
    @GET
    public Response log(@QueryParam("account") String account, @QueryParam("after") String after, @QueryParam("verify") boolean verify) {
        String filter = account == null || account.isBlank() ? null : account.strip();
        return Response.ok(compliance.data("account", filter == null ? "" : filter).data("page", optOuts.audit(filter, after, 50))
                .data("verification", verify ? optOuts.verify() : null)).build();
    }

    @GET
    @Path("/verification")
    public Response verification() {
        return Response.ok(compliance.getFragment("verification").instance().data("verification", optOuts.verify())).build();
    }

    @GET
    @Path("/export.{format}")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("format") String format, @QueryParam("account") String account) {
        String type = FORMATS.get(format);
        if (type == null) {
            throw PageRefusal.notFound("The log is exported as export.csv or export.json.");
        }
        Response upstream = optOuts.auditExport(account == null || account.isBlank() ? null : account.strip(), type);
        return Response.ok(upstream.readEntity(InputStream.class), type)
                .header("Content-Disposition", "attachment; filename=\"compliance-log." + format + "\"").build();
    }
}
