package io.licenseflow.portal.account;

import io.licenseflow.portal.choices.Choices;
import io.licenseflow.portal.live.LiveSignals;
import io.licenseflow.portal.services.OptOutApi;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The privacy choices in an account ({@code /accounts/{id}/privacy}): the account-wide choice per purpose (the account
 * subject, which applies to every user of the account; its customer admins set it), what users without a choice get,
 * and every user's choices; updated live.
 */
@Path("/accounts/{accountId}/privacy")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"customer", "admin", "operator"})
public class AccountPrivacyResource {

    /** The export's first page: enough for the page; the whole list is the API's export. */
    private static final int USERS_SHOWN = 1000;

    @Inject
    AccountPages pages;

    @Inject
    @RestClient
    OptOutApi optOuts;

    @Inject
    @Location("account/privacy.html")
    Template privacy;

    @GET
    public Response privacy(@PathParam("accountId") String accountId, @QueryParam("changed") String changed) {
        pages.check(accountId);
        List<UserChoices> users = UserChoices.of(optOuts.export(accountId, USERS_SHOWN));
        return Response.ok(privacy.data("accountId", accountId).data("account", optOuts.account(accountId))
                .data("defaults", optOuts.state(accountId, "account", accountId, null)).data("subjects", users)
                .data("more", users.size() >= USERS_SHOWN).data("changed", changed != null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("customer")
    public Response change(@PathParam("accountId") String accountId, @RestForm String purpose, @RestForm String optedOut) {
        pages.check(accountId);
        Choices.checkForm(purpose, optedOut);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("accountId", accountId);
        change.put("subject", Map.of("kind", "account", "id", accountId));
        change.put("purpose", purpose);
        change.put("optedOut", Boolean.parseBoolean(optedOut));
        optOuts.change(Map.of("changes", List.of(change)), null, null);
        return Response.seeOther(URI.create("/accounts/" + accountId + "/privacy?changed=1")).build();
    }

    /** A signal per confirmed opt-out change in the account, relayed from optout-service's stream. */
    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@PathParam("accountId") String accountId, @HeaderParam(LiveSignals.LAST_EVENT_ID) String lastEventId,
            @Context Sse sse) {
        pages.check(accountId);
        return LiveSignals.relay(optOuts.stream(accountId, null, null), "optout.changed", lastEventId, sse);
    }
}
