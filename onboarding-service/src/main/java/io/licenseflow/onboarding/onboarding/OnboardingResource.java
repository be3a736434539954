package io.licenseflow.onboarding.onboarding;

import io.licenseflow.commons.http.CanonicalUuids;
import io.licenseflow.commons.paging.Page;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.licenseflow.onboarding.offer.LicenseTypeOffers;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/v1/onboardings")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Onboardings", description = "Each account's onboarding, step by step, and the vendor's view of all of them")
public class OnboardingResource {

    /** What a retry may change: another license type or seat count (both optional; by default the failed request's). */
    public record RetryRequest(
            @Schema(examples = "team-annual") @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String licenseType,
            @Schema(examples = "10") @Min(1) @Max(100_000) Integer seats) {
    }

    private final OnboardingReads reads;
    private final OnboardingSteps steps;
    private final LicenseTypeOffers offers;
    private final AccountAccess access;
    private final OnboardingFunnel funnel;

    public OnboardingResource(OnboardingReads reads, OnboardingSteps steps, LicenseTypeOffers offers, AccountAccess access, OnboardingFunnel funnel) {
        this.reads = reads;
        this.steps = steps;
        this.offers = offers;
        this.access = access;
        this.funnel = funnel;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "An onboarding with every step, when it was confirmed and by which event; customers see only their account's")
    public Uni<OnboardingView> get(@PathParam("id") UUID id) {
        return reads.byId(id).map(view -> {
            if (view == null || !access.canRead(view.accountId())) {
                throw OnboardingSteps.notFound(id);
            }
            return view;
        });
    }

    @GET
    @Path("/funnel")
    @RolesAllowed({"admin", "operator"})
    @WithSession
    @Operation(summary = "The funnel: onboardings by status, and per step how many reached it and how many wait for it now")
    public Uni<FunnelView> funnel() {
        return funnel.now();
    }

    @GET
    @RolesAllowed({"admin", "operator"})
    @WithSession
    @Operation(summary = "Onboardings, oldest first, optionally only those with a status, at a step (the last confirmed), or of an account")
    public Uni<Page<OnboardingView>> list(@RestQuery @Schema(enumeration = {"IN_PROGRESS", "STALLED", "FAILED", "COMPLETED"}) String status,
            @RestQuery @Schema(enumeration = {"ACCOUNT_CREATED", "KEY_ASSIGNED", "ACTIVATED", "USAGE_VERIFIED", "COMPLETED"}) String step,
            @RestQuery String accountId, @BeanParam PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            parameters.put("status", parse(OnboardingStatus.class, "status", status));
        }
        if (step != null) {
            where.append(" and step = :step");
            parameters.put("step", parse(io.licenseflow.events.onboarding.OnboardingStep.class, "step", step));
        }
        if (accountId != null) {
            where.append(" and accountId = :account");
            try {
                parameters.put("account", CanonicalUuids.parse(accountId));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "accountId", "must be a UUID");
            }
        }
        return reads.list(where.toString(), parameters, page);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({"admin", "operator"})
    @WithTransaction
    @Operation(summary = "Resume a FAILED onboarding at its failed step (emits OnboardingRetried); 409 onboarding-not-failed otherwise")
    public Uni<Response> retry(@PathParam("id") UUID id, @Valid RetryRequest request) {
        return Onboarding.<Onboarding>findById(id)
                .onItem().ifNull().failWith(() -> OnboardingSteps.notFound(id))
                .chain(onboarding -> {
                    String type = request != null && request.licenseType() != null ? request.licenseType() : onboarding.licenseType;
                    Integer seats = request != null && request.seats() != null ? request.seats() : onboarding.seats;
                    return offers.require(type, seats).chain(offer -> steps.retry(id, type, seats, access.actor()));
                })
                .chain(onboarding -> reads.byId(onboarding.id))
                .map(view -> Response.accepted(view).build());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, parameter, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
