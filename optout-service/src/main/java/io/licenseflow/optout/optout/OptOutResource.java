package io.licenseflow.optout.optout;

import io.licenseflow.commons.http.IdempotencyKey;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.optout.account.OptOutAccount;
import io.licenseflow.optout.gpc.GpcSignal;
import io.licenseflow.optout.identity.OptOutCaller;
import io.licenseflow.optout.purpose.OptOutSettings;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/optouts")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Opt-outs", description = "Choices per subject and purpose: set, withdraw, read, history")
public class OptOutResource {

    private final OptOutRecorder recorder;
    private final OptOutRequests requests;
    private final SubjectStates states;
    private final OptOutCaller caller;
    private final OptOutSettings settings;
    private final GpcSignal gpc;

    public OptOutResource(OptOutRecorder recorder, OptOutRequests requests, SubjectStates states, OptOutCaller caller,
            OptOutSettings settings, GpcSignal gpc) {
        this.gpc = gpc;
        this.recorder = recorder;
        this.requests = requests;
        this.states = states;
        this.caller = caller;
        this.settings = settings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "optouts", "customer", "end-user"})
    @WithTransaction
    @Operation(summary = "Set or withdraw one or many opt-outs, all or none (at most 100 changes). With an Idempotency-Key, a retry "
            + "answers as the first request did (Idempotency-Replayed: true) and changes nothing.")
    public Uni<Response> change(@Valid @NotNull ChangeBatch batch,
            @Parameter(description = "1 to 255 visible ASCII characters, unique per batch of the caller", example = "b7e9d1c4-batch-0001")
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @Parameter(description = "1 from an end user's browser: records their opt-out of sale-or-sharing (GPC)") @HeaderParam(GpcSignal.HEADER) String secGpc) {
        IdempotencyKey.optional(idempotencyKey);
        if (batch.changes().size() > settings.maxBulk()) {
            throw new ProblemException(ProblemCode.BULK_TOO_LARGE, "changes", "at most " + settings.maxBulk() + " changes per request, "
                    + batch.changes().size() + " sent");
        }
        String source = batch.source() != null ? batch.source() : caller.defaultSource();
        if (!caller.allowedSources().contains(source)) {
            throw new ForbiddenException("this caller may not record changes with source '" + source + "'");
        }
        List<OptOutRecorder.Change> changes = new ArrayList<>();
        for (int i = 0; i < batch.changes().size(); i++) {
            ChangeRequest c = batch.changes().get(i);
            var subject = SubjectQuery.subject(c.accountId(), c.subject().kind(), c.subject().id(), "changes[" + i + "].subject.id");
            if (!caller.canChange(c.accountId(), subject)) {
                throw new ForbiddenException("not allowed to change the choices of " + subject.kind() + " subjects of account " + c.accountId());
            }
            changes.add(new OptOutRecorder.Change(i, new SubjectKey(c.accountId(), subject), c.purpose(), c.optedOut(), c.jurisdiction(), source));
        }
        var actor = new OptOutRecorder.Actor(caller.actor(), caller.client());
        return gpc.honour(secGpc, caller)
                .chain(() -> requests.once(caller.actor(), idempotencyKey, batch, () -> recorder.apply(changes, actor)))
                .map(answer -> (answer.replayed() ? Response.ok().header(IdempotencyKey.REPLAYED, "true") : Response.ok())
                        .entity(answer.result()).build());
    }

    @GET
    @RolesAllowed({"admin", "operator", "optouts", "customer", "end-user"})
    @WithTransaction
    @Operation(summary = "A subject's current state for every purpose of its account: opted out or not, and why (choice, GPC "
            + "signal or default), with the subject's version (0 if it never chose)")
    public Uni<SubjectStateView> current(@BeanParam SubjectQuery query,
            @Parameter(description = "1 from an end user's browser: records their opt-out of sale-or-sharing (GPC)") @HeaderParam(GpcSignal.HEADER) String secGpc) {
        SubjectKey key = query.key();
        if (!caller.canRead(key.accountId, key.subject())) {
            throw new ForbiddenException("not allowed to read this subject's choices");
        }
        return knownAccount(key.accountId).chain(() -> gpc.honour(secGpc, caller)).chain(() -> states.load(key));
    }

    static Uni<Void> knownAccount(UUID accountId) {
        return OptOutAccount.findById(accountId).invoke(found -> {
            if (found == null) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no account " + accountId);
            }
        }).replaceWithVoid();
    }
}
