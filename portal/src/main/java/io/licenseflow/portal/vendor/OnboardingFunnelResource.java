package io.licenseflow.portal.vendor;

import io.licenseflow.portal.errors.PageRefusal;
import io.licenseflow.portal.services.OnboardingApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The onboarding funnel ({@code /vendor/onboarding}): onboarding-service's counts of how many onboardings reached each
 * step and wait for it, the latest failed ones with their reasons (retry one), the latest stalled ones.
 */
@Path("/vendor/onboarding")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "operator"})
public class OnboardingFunnelResource {

    /** At most this many failed or stalled onboardings are read for their lists (pages of 200). */
    private static final int MAX_READ = 10_000;
    /** How many failed and stalled onboardings the page lists. */
    private static final int SHOWN = 100;

    @Inject
    @RestClient
    OnboardingApi onboarding;

    @Inject
    @Location("vendor/funnel.html")
    Template funnel;

    @GET
    public Response funnel(@QueryParam("retried") String retried) {
        Map<String, Object> funnel = onboarding.funnel();
        long total = ((Number) funnel.get("total")).longValue();
        List<FunnelStep> steps = ((List<?>) funnel.get("steps")).stream().map(step -> FunnelStep.of((Map<?, ?>) step, total)).toList();
        return Response.ok(this.funnel.data("steps", steps).data("total", total).data("statuses", funnel.get("byStatus"))
                .data("failed", latest("FAILED")).data("stalled", latest("STALLED")).data("retried", retried != null)).build();
    }

    /** The latest {@value #SHOWN} onboardings with a status, newest first (the API lists oldest first). */
    private List<Object> latest(String status) {
        Deque<Object> latest = new ArrayDeque<>();
        String after = null;
        int read = 0;
        do {
            Map<String, Object> page = onboarding.onboardings(status, null, null, 200, after);
            for (Object one : (List<?>) page.get("items")) {
                keepLatest(latest, one);
                read++;
            }
            after = (String) page.get("next");
        } while (after != null && read < MAX_READ);
        return List.copyOf(latest);
    }

    private static void keepLatest(Deque<Object> latest, Object onboarding) {
        latest.addFirst(onboarding);
        if (latest.size() > SHOWN) {
            latest.removeLast();
        }
    }

    /** After signing in again in the middle of a retry, the browser asks for its address: the funnel. */
    @GET
    @Path("/{id}/retry")
    public Response backToFunnel() {
        return Response.seeOther(URI.create("/vendor/onboarding")).build();
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("id") String onboardingId, @RestForm String licenseType, @RestForm String seats) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (licenseType != null && !licenseType.isBlank()) {
            changes.put("licenseType", licenseType.strip());
        }
        if (seats != null && !seats.isBlank()) {
            if (!seats.strip().matches("[0-9]{1,6}")) {
                throw new PageRefusal(400, "invalid-seats", "The seat count is not a number", "Enter a whole number of seats, or leave it empty.");
            }
            changes.put("seats", Integer.parseInt(seats.strip()));
        }
        onboarding.retry(onboardingId, changes);
        return Response.seeOther(URI.create("/vendor/onboarding?retried=" + onboardingId)).build();
    }
}
