package io.licenseflow.portal.account;

import io.licenseflow.portal.errors.PageRefusal;
import io.licenseflow.portal.live.LiveSignals;
import io.licenseflow.portal.services.EntitlementApi;
import io.licenseflow.portal.services.OnboardingApi;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A customer account's start page ({@code /accounts/{id}}): its onboarding step by step, updated live, and its
 * licenses. For the account's own admins (role {@code customer}, their {@code account_id} only) and the vendor's admins
 * and operators; the services check the same again.
 */
@Path("/accounts/{accountId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"customer", "admin", "operator"})
public class AccountResource {

    @Inject
    AccountPages pages;

    @Inject
    @RestClient
    OnboardingApi onboarding;

    @Inject
    @RestClient
    EntitlementApi entitlement;

    @Inject
    @Location("account/overview.html")
    Template overview;

    @GET
    public Response overview(@PathParam("accountId") String accountId, @QueryParam("after") String after) {
        pages.check(accountId);
        return Response.ok(overview.data("account", onboarding.account(accountId)).data("onboarding", onboardingOf(accountId))
                .data("licenses", entitlement.licenses(accountId, 100, after))).build();
    }

    /** The onboarding's steps alone, for htmx: fetched again on every change the live stream signals. */
    @GET
    @Path("/onboarding")
    public Response onboardingFragment(@PathParam("accountId") String accountId) {
        pages.check(accountId);
        return Response.ok(overview.getFragment("onboarding").instance().data("account", Map.of("id", accountId))
                .data("onboarding", onboardingOf(accountId))).build();
    }

    /** A signal per change of the account's onboarding, relayed from onboarding-service's stream. */
    @GET
    @Path("/onboarding/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> onboardingLive(@PathParam("accountId") String accountId,
            @HeaderParam(LiveSignals.LAST_EVENT_ID) String lastEventId, @Context Sse sse) {
        pages.check(accountId);
        return LiveSignals.relay(onboarding.stream(accountId), "onboarding.changed", lastEventId, sse);
    }

    private Map<String, Object> onboardingOf(String accountId) {
        try {
            return onboarding.onboarding(accountId);
        } catch (PageRefusal problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }
}
