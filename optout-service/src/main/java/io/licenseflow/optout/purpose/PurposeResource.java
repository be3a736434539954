package io.licenseflow.optout.purpose;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.optout.account.OptOutAccount;
import io.licenseflow.optout.identity.OptOutCaller;
import io.licenseflow.optout.optout.AccountStates;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/accounts/{accountId}/purposes")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Purposes", description = "What data may be collected or used for: the built-in purposes and those an account adds")
public class PurposeResource {

    public record NewPurpose(
            @Schema(examples = "beta-program") @NotBlank @Size(min = 2, max = 64) @Pattern(regexp = "[a-z][a-z0-9]*(-[a-z0-9]+)*",
                    message = "must be lower-case words joined by single hyphens") String name,
            @Schema(examples = "Early builds send extra diagnostics to the beta team.") @NotBlank @Size(max = 500) String description,
            @Schema(description = "Whether a subject is opted out until it chooses (consent first)") @NotNull Boolean optedOutByDefault) {
    }

    private final Purposes purposes;
    private final OptOutCaller caller;
    private final AccountStates accountStates;

    public PurposeResource(Purposes purposes, OptOutCaller caller, AccountStates accountStates) {
        this.accountStates = accountStates;
        this.purposes = purposes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"admin", "operator", "optouts", "customer", "end-user"})
    @WithSession
    @Operation(summary = "The account's purposes: the built-in ones, then those it added")
    public Uni<List<Purpose>> list(@PathParam("accountId") UUID accountId) {
        caller.checkCanReadAccount(accountId);
        return purposes.of(accountId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "customer"})
    @WithTransaction
    @Operation(summary = "Add a purpose to the account (admins of the vendor, or of the account); 409 purpose-exists")
    public Uni<Response> add(@PathParam("accountId") UUID accountId, @Valid @NotNull NewPurpose request) {
        caller.checkCanAdministerAccount(accountId);
        if (BuiltInPurposes.named(request.name()).isPresent()) {
            throw new ProblemException(ProblemCode.PURPOSE_EXISTS, "'" + request.name() + "' is a built-in purpose");
        }
        return OptOutAccount.<OptOutAccount>findById(accountId)
                .onItem().ifNull().failWith(() -> new ProblemException(ProblemCode.NOT_FOUND, "no account " + accountId))
                .chain(account -> AccountPurpose.<AccountPurpose>findById(new AccountPurpose.Key(accountId, request.name())))
                .chain(existing -> {
                    if (existing != null) {
                        throw new ProblemException(ProblemCode.PURPOSE_EXISTS, "the account has a purpose '" + request.name() + "'");
                    }
                    AccountPurpose added = new AccountPurpose();
                    added.key = new AccountPurpose.Key(accountId, request.name());
                    added.description = request.description();
                    added.optedOutByDefault = request.optedOutByDefault();
                    added.createdAt = Instant.now();
                    added.createdBy = caller.actor();
                    return added.<AccountPurpose>persist();
                })
                .call(added -> accountStates.publish(accountId))
                .map(added -> Response.status(201).entity(added.purpose()).build());
    }
}
