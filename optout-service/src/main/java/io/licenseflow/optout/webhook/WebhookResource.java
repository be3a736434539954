package io.licenseflow.optout.webhook;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.optout.account.OptOutAccount;
import io.licenseflow.optout.identity.OptOutCaller;
import io.licenseflow.optout.optout.SubjectQuery;
import io.licenseflow.optout.purpose.BuiltInPurposes;
import io.licenseflow.optout.purpose.Purposes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** Webhook endpoints (docs/optout.md#webhooks): every confirmed change, posted signed per Standard Webhooks. */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Webhooks", description = "Opt-out changes posted to your endpoints, signed per Standard Webhooks")
public class WebhookResource {

    public record NewWebhook(
            @Schema(examples = "https://backend.example.com/hooks/optouts") @NotBlank @Size(max = 2048) String url,
            @Schema(description = "Only this account's changes; omitted: every account's (vendor-wide, for admins and service clients)") String account,
            @Schema(description = "Only changes of this purpose; omitted: all", examples = "sale-or-sharing") @Size(max = 64) String purpose,
            @Size(max = 500) String description) {
    }

    public record WebhookChange(@Size(max = 2048) String url, @Size(max = 500) String description,
            @Schema(description = "true re-enables an endpoint (after a 410, say); its pending deliveries then go out") Boolean enabled) {
    }

    private final OptOutCaller caller;
    private final WebhookTargets targets;
    private final WebhookSecrets secrets;
    private final Purposes purposes;
    private final Duration rotationOverlap;

    public WebhookResource(OptOutCaller caller, WebhookTargets targets, WebhookSecrets secrets, Purposes purposes,
            @ConfigProperty(name = "licenseflow.webhooks.rotation-overlap") Duration rotationOverlap) {
        this.caller = caller;
        this.targets = targets;
        this.secrets = secrets;
        this.purposes = purposes;
        this.rotationOverlap = rotationOverlap;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "optouts", "customer"})
    @Operation(summary = "Register an endpoint; the answer carries its whsec_ secret, shown this once. 400 forbidden-webhook-target "
            + "for a URL that is not https or reaches a loopback, private or link-local address")
    public Uni<Response> register(@Valid @NotNull NewWebhook request) {
        UUID accountId = request.account() == null ? null : SubjectQuery.accountId(request.account());
        caller.checkCanManageWebhooks(accountId);
        String actor = caller.actor();
        return checked(request.url()).chain(() -> Panache.withTransaction(() -> checkPurpose(accountId, request.purpose()).chain(() -> {
            Instant now = Instant.now();
            String secret = secrets.newSecret();
            WebhookEndpoint e = new WebhookEndpoint();
            e.id = UUID.randomUUID();
            e.accountId = accountId;
            e.purpose = request.purpose();
            e.url = request.url();
            e.description = request.description();
            e.secretSealed = secrets.seal(secret, e.id);
            e.enabled = true;
            e.createdAt = now;
            e.createdBy = actor;
            e.updatedAt = now;
            return e.persist().map(saved -> Response.created(URI.create("/v1/webhooks/" + e.id)).entity(WebhookView.withSecret(e, secret)).build());
        })));
    }

    @GET
    @RolesAllowed({"admin", "operator", "optouts", "customer"})
    @WithSession
    @Operation(summary = "Endpoints the caller may see: all for the vendor, the account's own for a customer; ?account= narrows")
    public Uni<List<WebhookView>> list(@RestQuery String account) {
        UUID accountId = account == null ? caller.customerAccount() : SubjectQuery.accountId(account);
        if (!caller.isVendorWide() && !caller.canSeeWebhooks(accountId)) {
            throw new io.quarkus.security.ForbiddenException("not your account");
        }
        Uni<List<WebhookEndpoint>> found = accountId == null ? WebhookEndpoint.list("order by createdAt, id")
                : WebhookEndpoint.list("accountId = ?1 order by createdAt, id", accountId);
        return found.map(all -> all.stream().map(WebhookView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "optouts", "customer"})
    @WithSession
    @Operation(summary = "One endpoint (its secret is never shown again)")
    public Uni<WebhookView> get(@PathParam("id") UUID id) {
        return visible(id).map(WebhookView::of);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "optouts", "customer"})
    @Operation(summary = "Change the URL or description, or enable/disable the endpoint")
    public Uni<WebhookView> change(@PathParam("id") UUID id, @Valid @NotNull WebhookChange request) {
        Uni<Void> urlChecked = request.url() == null ? Uni.createFrom().voidItem() : checked(request.url());
        return urlChecked.chain(() -> Panache.withTransaction(() -> manageable(id).map(e -> {
            if (request.url() != null) {
                e.url = request.url();
            }
            if (request.description() != null) {
                e.description = request.description();
            }
            if (request.enabled() != null) {
                e.enabled = request.enabled();
                e.disabledReason = e.enabled ? null : "disabled by " + caller.actor();
            }
            e.updatedAt = Instant.now();
            return WebhookView.of(e);
        })));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"admin", "optouts", "customer"})
    @Operation(summary = "Remove the endpoint and its deliveries")
    public Uni<Response> remove(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> manageable(id).call(WebhookEndpoint::delete)).map(gone -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/secret")
    @RolesAllowed({"admin", "optouts", "customer"})
    @Operation(summary = "Rotate the secret: the answer carries the new one (shown once); the previous one signs beside it for "
            + "licenseflow.webhooks.rotation-overlap (24 h)")
    public Uni<WebhookView> rotate(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> manageable(id).map(e -> {
            String secret = secrets.newSecret();
            e.previousSecretSealed = e.secretSealed;
            e.previousSecretUntil = Instant.now().plus(rotationOverlap);
            e.secretSealed = secrets.seal(secret, e.id);
            e.updatedAt = Instant.now();
            return WebhookView.withSecret(e, secret);
        }));
    }

    /** An endpoint the caller may see; 404 alike for one that does not exist and one of another account. */
    Uni<WebhookEndpoint> visible(UUID id) {
        return WebhookEndpoint.<WebhookEndpoint>findById(id).map(e -> {
            if (e == null || !caller.canSeeWebhooks(e.accountId)) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no webhook " + id);
            }
            return e;
        });
    }

    Uni<WebhookEndpoint> manageable(UUID id) {
        return visible(id).invoke(e -> caller.checkCanManageWebhooks(e.accountId));
    }

    private Uni<Void> checkPurpose(UUID accountId, String purpose) {
        Uni<Void> accountKnown = accountId == null ? Uni.createFrom().voidItem()
                : OptOutAccount.findById(accountId).onItem().ifNull()
                        .failWith(() -> new ProblemException(ProblemCode.UNKNOWN_ACCOUNT, "account", "no account " + accountId)).replaceWithVoid();
        if (purpose == null || BuiltInPurposes.named(purpose).isPresent()) {
            return accountKnown;
        }
        if (accountId == null) {
            throw new ProblemException(ProblemCode.UNKNOWN_PURPOSE, "purpose", "vendor-wide webhooks filter on built-in purposes only");
        }
        return accountKnown.chain(() -> purposes.of(accountId)).invoke(all -> {
            if (all.stream().noneMatch(p -> p.name().equals(purpose))) {
                throw new ProblemException(ProblemCode.UNKNOWN_PURPOSE, "purpose", "the account has no purpose '" + purpose + "'");
            }
        }).replaceWithVoid();
    }

    /** Checks the URL, resolving its host off the event loop, and comes back to the request's context. */
    private Uni<Void> checked(String url) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> targets.resolve(url)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(command -> context.runOnContext(ignored -> command.run())).replaceWithVoid();
    }
}
