package io.licenseflow.portal.vendor;

import io.licenseflow.portal.errors.PageRefusal;
import io.licenseflow.portal.services.EntitlementApi;
import io.licenseflow.portal.services.Ids;
import io.licenseflow.portal.services.NotificationApi;
import io.licenseflow.portal.services.OptOutApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The vendor staff's search ({@code /vendor}): one box for an account id, a license id, a contact email or a key's
 * first group (what every notice shows); and a subject of an account, with its choices and history.
 */
@Path("/vendor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "operator", "support"})
public class SearchResource {

    private static final Pattern KEY_PREFIX = Pattern.compile("(?i)LF-[0-9A-Z]{4}(-.*)?");

    @Inject
    @RestClient
    NotificationApi notifications;

    @Inject
    @RestClient
    EntitlementApi entitlement;

    @Inject
    @RestClient
    OptOutApi optOuts;

    @Inject
    @Location("vendor/search.html")
    Template search;

    @Inject
    @Location("vendor/subject.html")
    Template subject;

    @GET
    public Response search(@QueryParam("q") String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return Response.ok(search.data("q", "").data("results", null).data("hint", null)).build();
        }
        List<Map<String, Object>> results;
        String hint = null;
        if (Ids.isCanonicalUuid(q.toLowerCase())) {
            String id = q.toLowerCase();
            results = notifications.status(id, null, null);
            if (results.isEmpty()) {
                try {
                    Map<String, Object> license = entitlement.license(id);
                    return Response.seeOther(URI.create("/accounts/" + license.get("accountId") + "/licenses/" + id)).build();
                } catch (PageRefusal notALicense) {
                    if (notALicense.status() != 404) {
                        throw notALicense;
                    }
                }
            }
        } else if (q.contains("@")) {
            results = notifications.status(null, q, null);
        } else if (KEY_PREFIX.matcher(q).matches()) {
            // Only the key's public first group is ever looked up; the rest of a pasted key is dropped here.
            results = notifications.status(null, null, q.substring(0, 7).toUpperCase());
        } else {
            results = List.of();
            hint = "Search by an account or license id, a contact email, or a key's first group (LF-XXXX). To find a user's choices, use the subject search below.";
        }
        return Response.ok(search.data("q", q).data("results", results).data("hint", hint)).build();
    }

    @GET
    @Path("/subjects")
    @RolesAllowed({"admin", "operator"})
    public Response subject(@QueryParam("account") String account, @QueryParam("kind") String kind, @QueryParam("subject") String subjectId,
            @QueryParam("after") String after) {
        String k = kind == null || kind.isBlank() ? "user" : kind;
        return Response.ok(subject.data("account", account).data("kind", k).data("subject", subjectId)
                .data("state", optOuts.state(account, k, subjectId, null))
                .data("history", optOuts.history(account, k, subjectId, after, 200))).build();
    }

}
