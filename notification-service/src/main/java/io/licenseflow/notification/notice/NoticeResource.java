package io.licenseflow.notification.notice;

import io.licenseflow.commons.paging.Page;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.licenseflow.notification.template.NoticeTemplate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The delivery log, and resending a notice. */
@Path("/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Notices")
public class NoticeResource {

    private static final Set<String> STATUSES = Set.of(Notice.QUEUED, Notice.SENT, Notice.FAILED, Notice.SUPPRESSED);

    private final AccountAccess access;
    private final NoticeQueue queue;

    public NoticeResource(AccountAccess access, NoticeQueue queue) {
        this.access = access;
        this.queue = queue;
    }

    @GET
    @RolesAllowed({"admin", "operator", "support", "customer"})
    @WithSession
    @Operation(summary = "Notices, oldest first, paged: ?account= (required for customers: their own), ?status=queued|sent|failed|suppressed, "
            + "?template=, ?trigger= (the triggering event's id)")
    public Uni<Page<NoticeView>> list(@RestQuery UUID account, @RestQuery String status, @RestQuery String template, @RestQuery UUID trigger,
            @BeanParam PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (account != null) {
            access.checkCanRead(account);
            where.append(" and accountId = :account");
            parameters.put("account", account);
        } else if (!access.canReadEveryAccount()) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "account", "is required: name your account");
        }
        if (status != null) {
            if (!STATUSES.contains(status)) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "status", "must be queued, sent, failed or suppressed");
            }
            where.append(" and status = :status");
            parameters.put("status", status);
        }
        if (template != null) {
            if (NoticeTemplate.byId(template).isEmpty()) {
                throw new ProblemException(ProblemCode.UNKNOWN_TEMPLATE, "no notice template " + template);
            }
            where.append(" and template = :template");
            parameters.put("template", template);
        }
        if (trigger != null) {
            where.append(" and triggerEventId = :trigger");
            parameters.put("trigger", trigger);
        }
        return Page.of(Notice.class, where.toString(), parameters, page, n -> n.createdAt, n -> n.id, NoticeView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "support", "customer"})
    @WithSession
    @Operation(summary = "One notice of the delivery log")
    public Uni<NoticeView> get(@PathParam("id") UUID id) {
        return visible(id).map(NoticeView::of);
    }

    @POST
    @Path("/{id}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Send a notice again (a failed or suppressed one, or one the customer lost): queued as a new notice pointing "
            + "at the original, with the original's template version, to the account's contact or to {to}. A notice carrying a "
            + "license key goes to the account's contact only, and an opt-out still suppresses a lifecycle notice")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "to the account's contact", value = "{}"),
            @ExampleObject(name = "to another address", value = "{\"to\": \"it@acme.example\"}")}))
    public Uni<Response> resend(@PathParam("id") UUID id, ResendRequest request) {
        String to = request == null ? null : request.checkedTo();
        return Panache.withTransaction(() -> visible(id).chain(original -> {
            if (Notice.QUEUED.equals(original.status)) {
                throw new ProblemException(ProblemCode.NOTICE_NOT_CLOSED, "notice " + id + " is still queued: it will be sent");
            }
            if (to != null && NoticeTemplate.byId(original.template).map(NoticeTemplate::carriesKey).orElse(false)) {
                throw new ProblemException(ProblemCode.KEY_NOTICE_RECIPIENT_FIXED,
                        "notice " + id + " carries a license key: it can be resent to the account's contact only");
            }
            return queue.resend(original, to, access.actor());
        })).map(resent -> Response.accepted(NoticeView.of(resent)).location(URI.create("/v1/notices/" + resent.id)).build())
                .invoke(queue::queued); // after the commit: the dispatcher sees the new notice
    }

    /** The notice, if the caller may see it: 404 alike for a notice of another account and for none. */
    private Uni<Notice> visible(UUID id) {
        return Notice.<Notice>findById(id).map(n -> {
            if (n == null || !access.canRead(n.accountId)) {
                throw new ProblemException(ProblemCode.UNKNOWN_NOTICE, "no notice " + id);
            }
            return n;
        });
    }
}
