package io.licenseflow.optout.optout;

import io.licenseflow.commons.export.StreamedExport;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.optout.identity.OptOutCaller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestMulti;

@Path("/v1/optouts/export")
@SecurityRequirement(name = "oidc")
@Tag(name = "Opt-outs")
public class OptOutExportResource {

    public static final int DEFAULT_LIMIT = 10_000;
    public static final int MAX_LIMIT = 100_000;
    private static final String AFTER = "(key.subject.kind > :kind or (key.subject.kind = :kind and (key.purpose > :purpose "
            + "or (key.purpose = :purpose and key.subject.subjectId > :id))))";
    private static final String ORDER = " order by key.subject.kind, key.purpose, key.subject.subjectId";

    private final OptOutCaller caller;

    public OptOutExportResource(OptOutCaller caller) {
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "operator", "optouts", "customer"})
    @Operation(summary = "An account's choices as a streamed JSON array (or CSV with Accept: text/csv), 'limit' records per page "
            + "(default 10000, at most 100000); when more follow, a Link header (rel=next) names the next page")
    public RestMulti<Object> json(@RestQuery String account, @RestQuery String after, @RestQuery String limit) {
        return export(account, after, limit, MediaType.APPLICATION_JSON);
    }

    @GET
    @Produces(StreamedExport.CSV_PREFERRED_LESS)
    @RolesAllowed({"admin", "operator", "optouts", "customer"})
    @Operation(summary = "An account's choices as CSV (RFC 4180, a header row), paged as the JSON export")
    public RestMulti<Object> csv(@RestQuery String account, @RestQuery String after, @RestQuery String limit) {
        return export(account, after, limit, StreamedExport.CSV);
    }

    private RestMulti<Object> export(String account, String after, String limit, String mediaType) {
        UUID accountId = SubjectQuery.accountId(account);
        if (!caller.canReadAccount(accountId) || caller.isEndUser()) {
            throw new ForbiddenException("not your account");
        }
        int most = PageRequest.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        ExportCursor from = ExportCursor.decode(after);
        Uni<List<ChoiceRecord>> boundary = Panache.withSession(() -> page(accountId, from, most - 1, 2));
        return RestMulti.fromUniResponse(boundary, ignored -> StreamedExport.body(StreamedExport.rows(from,
                        at -> Panache.withSession(() -> page(accountId, at, 0, StreamedExport.CHUNK)), ExportCursor::of, most), ChoiceRecord.class, mediaType),
                rows -> rows.size() < 2 ? Map.of() : Map.of("Link", List.of("</v1/optouts/export?account=" + accountId + "&limit=" + most
                        + "&after=" + ExportCursor.of(rows.get(0)).encode() + ">; rel=\"next\"")));
    }

    private static Uni<List<ChoiceRecord>> page(UUID accountId, ExportCursor after, int offset, int size) {
        return Choice.<Choice>find("key.subject.accountId = :account and " + AFTER + ORDER, Parameters.with("account", accountId)
                        .and("kind", after.kind()).and("purpose", after.purpose()).and("id", after.subjectId()))
                .range(offset, offset + size - 1).list().map(rows -> rows.stream().map(ChoiceRecord::of).toList());
    }
}
