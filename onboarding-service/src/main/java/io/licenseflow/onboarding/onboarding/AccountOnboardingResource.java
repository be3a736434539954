package io.licenseflow.onboarding.onboarding;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/accounts/{accountId}/onboarding")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Onboardings")
public class AccountOnboardingResource {

    private final OnboardingReads reads;
    private final AccountAccess access;

    public AccountOnboardingResource(OnboardingReads reads, AccountAccess access) {
        this.reads = reads;
        this.access = access;
    }

    @GET
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "The account's onboarding, step by step; customers may read only their own")
    public Uni<OnboardingView> get(@PathParam("accountId") UUID accountId) {
        access.checkCanRead(accountId);
        return reads.byAccount(accountId)
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_FOUND, "account " + accountId + " has no onboarding"));
    }
}
