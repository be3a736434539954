package io.licenseflow.portal.choices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.licenseflow.portal.live.LiveSignals;
import io.licenseflow.portal.services.OptOutApi;
import io.licenseflow.portal.session.PortalUser;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * An end user's own privacy choices ({@code /me}): every purpose in plain words, changed in one click, their history,
 * their records as a download, the Global Privacy Control signal of their browser honoured — always their own subject
 * (the {@code account_id} and {@code subject_id} of their sign-in), which no parameter of these pages can change.
 */
@Path("/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("end-user")
public class ChoicesResource {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Inject
    PortalUser user;

    @Inject
    @RestClient
    OptOutApi optOuts;

    @Inject
    @Location("choices/page.html")
    Template page;

    @Inject
    @Location("choices/history.html")
    Template history;

    @GET
    public Response choices(@HeaderParam(OptOutApi.GPC) String gpc, @QueryParam("changed") String changed) {
        return Response.ok(view(page.instance(), gpc).data("changed", changed != null)).build();
    }

    /**
     * The choices alone, for htmx: after a change elsewhere (live) or here. A browser asking for it otherwise (after
     * signing in again in the middle of a change) is sent to the whole page.
     */
    @GET
    @Path("/choices")
    public Response fragment(@HeaderParam(OptOutApi.GPC) String gpc, @HeaderParam("HX-Request") String htmx) {
        if (htmx == null) {
            return Response.seeOther(URI.create("/me")).build();
        }
        return Response.ok(view(page.getFragment("choices").instance(), gpc)).build();
    }

    @POST
    @Path("/choices")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm String purpose, @RestForm String optedOut, @HeaderParam(OptOutApi.GPC) String gpc,
            @HeaderParam("HX-Request") String htmx) {
        Choices.checkForm(purpose, optedOut);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("accountId", me().accountId());
        change.put("subject", Map.of("kind", "user", "id", me().subjectId()));
        change.put("purpose", purpose);
        change.put("optedOut", Boolean.parseBoolean(optedOut));
        optOuts.change(Map.of("changes", List.of(change)), gpc, null);
        if (htmx != null) {
            // The status goes out of band, into the region outside the choices, so that a live refresh keeps it.
            return Response.ok(view(page.getFragment("choices").instance(), gpc).data("saved", true)).build();
        }
        // Post/redirect/get without JavaScript: a reload does not send the change again.
        return Response.seeOther(URI.create("/me?changed=1")).build();
    }

    @GET
    @Path("/history")
    public Response history() {
        return Response.ok(history.data("entries", allHistory().stream().map(entry -> HistoryEntry.of((Map<?, ?>) entry)).toList())).build();
    }

    /** Everything recorded about the user's choices, as a JSON file: their current state and every change. */
    @GET
    @Path("/records")
    @Produces(MediaType.APPLICATION_JSON)
    public Response records(@HeaderParam(OptOutApi.GPC) String gpc) throws Exception {
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("exportedAt", Instant.now().toString());
        records.put("account", me().accountId());
        records.put("subject", Map.of("kind", "user", "id", me().subjectId()));
        records.put("current", optOuts.state(me().accountId(), "user", me().subjectId(), gpc));
        records.put("history", allHistory());
        return Response.ok(JSON.writeValueAsString(records), MediaType.APPLICATION_JSON_TYPE)
                .header("Content-Disposition", "attachment; filename=\"my-privacy-choices.json\"").build();
    }

    /**
     * A signal per confirmed change of the user's choices, made anywhere (another device, an admin, the product's
     * backend), relayed from optout-service's stream: the page then fetches its choices again.
     */
    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@HeaderParam(LiveSignals.LAST_EVENT_ID) String lastEventId, @Context Sse sse) {
        return LiveSignals.relay(optOuts.stream(me().accountId(), "user", me().subjectId()), "optout.changed", lastEventId, sse);
    }

    private TemplateInstance view(TemplateInstance template, String gpc) {
        Map<String, Object> state = optOuts.state(me().accountId(), "user", me().subjectId(), gpc);
        List<Choice> choices = new ArrayList<>();
        for (Object purpose : (List<?>) state.get("purposes")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) purpose;
            choices.add(Choice.of(entry));
        }
        boolean gpcSent = "1".equals(gpc == null ? null : gpc.trim());
        // What became of the browser's signal, from the state alone (the account's settings are not the user's to read).
        boolean gpcHonoured = choices.stream().anyMatch(c -> c.basis().equals("GPC"));
        boolean ownChoice = choices.stream().anyMatch(c -> c.purpose().equals("sale-or-sharing") && c.basis().equals("CHOICE"));
        return template.data("choices", choices).data("version", state.get("version"))
                .data("gpcSent", gpcSent).data("gpcHonoured", gpcHonoured).data("ownChoice", ownChoice).data("saved", false);
    }

    private List<Object> allHistory() {
        List<Object> entries = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> batch = optOuts.history(me().accountId(), "user", me().subjectId(), after, 200);
            entries.addAll((List<?>) batch.get("items"));
            after = (String) batch.get("next");
        } while (after != null);
        return entries;
    }

    /** The signed-in end user's own subject: every page and call here is about it. */
    private PortalUser.OwnSubject me() {
        return user.ownSubject();
    }
}
