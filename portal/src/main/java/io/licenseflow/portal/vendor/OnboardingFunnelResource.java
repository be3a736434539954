package io.licenseflow.portal.vendor;

import io.licenseflow.portal.services.OnboardingApi;
import io.licenseflow.portal.session.ErrorPages;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The onboarding funnel ({@code /vendor/onboarding}): how many onboardings reached each step (confirmed by its event),
 * the failed ones with their reasons (retry one), the stalled ones.
 */
@Path("/vendor/onboarding")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"admin", "operator", "support"})
public class OnboardingFunnelResource {

    static final List<String> STEPS = List.of("ACCOUNT_CREATED", "KEY_ASSIGNED", "ACTIVATED", "USAGE_VERIFIED", "COMPLETED");
    /** The funnel counts at most this many onboardings per status (pages of 200). */
    private static final int MAX_COUNTED = 10_000;

    @Inject
    @RestClient
    OnboardingApi onboarding;

    @Inject
    ErrorPages errors;

    @Inject
    @Location("vendor/funnel.html")
    Template funnel;

    @GET
    public Response funnel() {
        Map<String, Integer> reached = new LinkedHashMap<>();
        STEPS.forEach(step -> reached.put(step, 0));
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        List<Object> failed = new ArrayList<>();
        List<Object> stalled = new ArrayList<>();
        for (String status : List.of("IN_PROGRESS", "STALLED", "FAILED", "COMPLETED")) {
            int count = 0;
            String after = null;
            do {
                Map<String, Object> page = onboarding.onboardings(status, null, null, 200, after);
                for (Object item : (List<?>) page.get("items")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> one = (Map<String, Object>) item;
                    for (Object step : (List<?>) one.get("steps")) {
                        Map<?, ?> confirmation = (Map<?, ?>) step;
                        if ("DONE".equals(confirmation.get("state"))) {
                            reached.merge(String.valueOf(confirmation.get("step")), 1, Integer::sum);
                        }
                    }
                    count++;
                    if (status.equals("FAILED") && failed.size() < 100) {
                        failed.add(one);
                    } else if (status.equals("STALLED") && stalled.size() < 100) {
                        stalled.add(one);
                    }
                }
                after = (String) page.get("next");
            } while (after != null && count < MAX_COUNTED);
            byStatus.put(status, count);
        }
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        List<FunnelStep> steps = reached.entrySet().stream().map(e -> FunnelStep.of(e.getKey(), e.getValue(), total)).toList();
        return Response.ok(funnel.data("steps", steps).data("total", total).data("statuses", byStatus).data("failed", failed).data("stalled", stalled)).build();
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"admin", "operator"})
    public Response retry(@PathParam("id") String onboardingId, @RestForm String licenseType, @RestForm String seats) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (licenseType != null && !licenseType.isBlank()) {
            changes.put("licenseType", licenseType.strip());
        }
        if (seats != null && !seats.isBlank()) {
            if (!seats.strip().matches("[0-9]{1,6}")) {
                return errors.page(400, "invalid-seats", "The seat count is not a number", "Enter a whole number of seats, or leave it empty.");
            }
            changes.put("seats", Integer.parseInt(seats.strip()));
        }
        onboarding.retry(onboardingId, changes);
        return Response.seeOther(URI.create("/vendor/onboarding?retried=" + onboardingId)).build();
    }
}
