package io.licenseflow.portal.account;

import io.licenseflow.portal.services.EntitlementApi;
import io.licenseflow.portal.services.LiveSignals;
import io.licenseflow.portal.services.NotificationApi;
import io.licenseflow.portal.services.OnboardingApi;
import io.licenseflow.portal.services.OptOutApi;
import io.licenseflow.portal.services.ServiceProblem;
import io.licenseflow.portal.choices.Choices;
import io.licenseflow.portal.session.PageRefusal;
import io.licenseflow.portal.session.PortalUser;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A customer account's pages ({@code /accounts/{id}}): its onboarding step by step, its licenses, each license's
 * machines and usage, its users' privacy choices and its defaults, the notices sent to it. For the account's own admins
 * (role {@code customer}, their {@code account_id} only) and the vendor's staff; the services check the same again.
 */
@Path("/accounts/{accountId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"customer", "admin", "operator", "support"})
public class AccountResource {

    @Inject
    PortalUser user;

    @Inject
    @RestClient
    OnboardingApi onboarding;

    @Inject
    @RestClient
    EntitlementApi entitlement;

    @Inject
    @RestClient
    OptOutApi optOuts;

    @Inject
    @RestClient
    NotificationApi notifications;

    @Inject
    @Location("account/overview.html")
    Template overview;

    @Inject
    @Location("account/license.html")
    Template license;

    @Inject
    @Location("account/privacy.html")
    Template privacy;

    @Inject
    @Location("account/notices.html")
    Template notices;

    @GET
    public Response overview(@PathParam("accountId") String accountId) {
        checkAccount(accountId);
        return Response.ok(overview.data("account", onboarding.account(accountId)).data("onboarding", onboardingOf(accountId))
                .data("licenses", entitlement.licenses(accountId, 100).get("items"))).build();
    }

    /** The onboarding's steps alone, for htmx: fetched again on every change the live stream signals. */
    @GET
    @Path("/onboarding")
    public Response onboardingFragment(@PathParam("accountId") String accountId) {
        checkAccount(accountId);
        return Response.ok(overview.getFragment("onboarding").instance().data("account", Map.of("id", accountId))
                .data("onboarding", onboardingOf(accountId))).build();
    }

    /** A signal per change of the account's onboarding, relayed from onboarding-service's stream. */
    @GET
    @Path("/onboarding/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> onboardingLive(@PathParam("accountId") String accountId, @HeaderParam(LiveSignals.LAST_EVENT_ID) String lastEventId, @Context Sse sse) {
        checkAccount(accountId);
        return LiveSignals.relay(onboarding.stream(accountId), "onboarding.changed", lastEventId, sse);
    }

    @GET
    @Path("/licenses/{licenseId}")
    public Response license(@PathParam("accountId") String accountId, @PathParam("licenseId") String licenseId) {
        checkAccount(accountId);
        Map<String, Object> found = licenseOf(accountId, licenseId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> meters = (List<Map<String, Object>>) entitlement.usage(licenseId).get("meters");
        return Response.ok(license.data("accountId", accountId).data("license", found)
                .data("machines", entitlement.activations(licenseId, 100).get("items"))
                .data("meters", meters.stream().map(MeterUse::of).toList())).build();
    }

    @POST
    @Path("/licenses/{licenseId}/machines/{activationId}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("accountId") String accountId, @PathParam("licenseId") String licenseId,
            @PathParam("activationId") String activationId) {
        checkAccount(accountId);
        licenseOf(accountId, licenseId);
        entitlement.deactivate(activationId);
        return Response.seeOther(URI.create("/accounts/" + accountId + "/licenses/" + licenseId + "?deactivated=" + activationId)).build();
    }

    @GET
    @Path("/privacy")
    public Response privacy(@PathParam("accountId") String accountId) {
        checkAccount(accountId);
        return Response.ok(privacy.data("accountId", accountId).data("account", optOuts.account(accountId))
                .data("defaults", optOuts.state(accountId, "account", accountId, null))
                .data("subjects", UserChoices.of(optOuts.export(accountId, 10_000)))).build();
    }

    /** The account-wide choice for one purpose (the account subject: it applies to every user of the account). */
    @POST
    @Path("/privacy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeDefault(@PathParam("accountId") String accountId, @RestForm String purpose, @RestForm String optedOut) {
        checkAccount(accountId);
        Choices.checkForm(purpose, optedOut);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("accountId", accountId);
        change.put("subject", Map.of("kind", "account", "id", accountId));
        change.put("purpose", purpose);
        change.put("optedOut", Boolean.parseBoolean(optedOut));
        optOuts.change(Map.of("changes", List.of(change)), null, null);
        return Response.seeOther(URI.create("/accounts/" + accountId + "/privacy?changed=" + purpose)).build();
    }

    /** A signal per confirmed opt-out change in the account, relayed from optout-service's stream. */
    @GET
    @Path("/privacy/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> privacyLive(@PathParam("accountId") String accountId, @HeaderParam(LiveSignals.LAST_EVENT_ID) String lastEventId, @Context Sse sse) {
        checkAccount(accountId);
        return LiveSignals.relay(optOuts.stream(accountId, null, null), "optout.changed", lastEventId, sse);
    }

    @GET
    @Path("/notices")
    public Response notices(@PathParam("accountId") String accountId) {
        checkAccount(accountId);
        return Response.ok(notices.data("accountId", accountId).data("notices", notifications.notices(accountId, 100).get("items"))).build();
    }

    private Map<String, Object> onboardingOf(String accountId) {
        try {
            return onboarding.onboarding(accountId);
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }

    /** The license, if it belongs to this account: an id from another account in the address is not found here. */
    private Map<String, Object> licenseOf(String accountId, String licenseId) {
        if (!canonical(licenseId)) {
            throw PageRefusal.notFound("There is no such license.");
        }
        Map<String, Object> found = entitlement.license(licenseId);
        if (!accountId.equalsIgnoreCase(String.valueOf(found.get("accountId")))) {
            throw PageRefusal.notFound("This account has no such license.");
        }
        return found;
    }

    /** A page of another account is refused before any call (the services would refuse it too). */
    private void checkAccount(String accountId) {
        if (!canonical(accountId)) {
            throw PageRefusal.notFound("There is no account at this address.");
        }
        if (!user.maySeeAccount(accountId)) {
            throw new PageRefusal(403, "not-your-account", "You do not have access to this page",
                    "This page belongs to an account your sign-in does not cover.");
        }
    }

    private static boolean canonical(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
