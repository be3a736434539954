package io.licenseflow.optout.optout;

import io.licenseflow.optout.audit.LogPage;
import io.licenseflow.optout.identity.OptOutCaller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/v1/optouts/history")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Opt-outs")
public class OptOutHistoryResource {

    private final OptOutCaller caller;

    public OptOutHistoryResource(OptOutCaller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"admin", "operator", "optouts", "customer", "end-user"})
    @WithSession
    @Operation(summary = "Every change of a subject's choices, oldest first, from the compliance log (who, when, source, the state "
            + "before); paged by 'after' (the 'next' of the previous page) and 'limit' (1-200, default 50)")
    public Uni<LogPage> history(@BeanParam SubjectQuery query, @RestQuery String after, @RestQuery String limit) {
        SubjectKey key = query.key();
        if (!caller.canRead(key.accountId, key.subject())) {
            throw new ForbiddenException("not allowed to read this subject's history");
        }
        return OptOutResource.knownAccount(key.accountId).chain(() -> LogPage.read("accountId = :account and kind = :kind and subjectId = :id",
                Map.of("account", key.accountId, "kind", key.kind, "id", key.subjectId), after, limit));
    }
}
