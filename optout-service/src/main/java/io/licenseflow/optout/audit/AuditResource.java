package io.licenseflow.optout.audit;

import io.licenseflow.commons.export.StreamedExport;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.optout.identity.OptOutCaller;
import io.licenseflow.optout.optout.SubjectQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Compliance log", description = "The append-only, hash-chained record of every opt-out change (docs/optout.md#the-compliance-log)")
public class AuditResource {

    /** Most entries one export request streams; page on with 'after'. */
    public static final int MAX_EXPORT = 100_000;

    private final OptOutCaller caller;
    private final ChainVerification verification;

    public AuditResource(OptOutCaller caller, ChainVerification verification) {
        this.caller = caller;
        this.verification = verification;
    }

    @GET
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "Log entries in sequence order, of one account (required for customers) or all; paged by 'after' and 'limit'")
    public Uni<LogPage> entries(@RestQuery String account, @RestQuery String after, @RestQuery String limit) {
        UUID accountId = scope(account);
        return accountId == null ? LogPage.read("true = true", Map.of(), after, limit)
                : LogPage.read("accountId = :account", Map.of("account", accountId), after, limit);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"admin", "operator", "customer"})
    @Operation(summary = "The log (one account's, or all) as a streamed JSON array (or CSV with Accept: text/csv), after the entry "
            + "'after' (a sequence number), at most 'limit' entries (default and most: 100000); each entry carries its hashes, so "
            + "the chain can be checked offline")
    public Multi<Object> json(@RestQuery String account, @RestQuery String after, @RestQuery String limit) {
        return export(account, after, limit, MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/export")
    @Produces(StreamedExport.CSV_PREFERRED_LESS)
    @RolesAllowed({"admin", "operator", "customer"})
    @Operation(summary = "The log as CSV (RFC 4180, a header row), paged as the JSON export")
    public Multi<Object> csv(@RestQuery String account, @RestQuery String after, @RestQuery String limit) {
        return export(account, after, limit, StreamedExport.CSV);
    }

    private Multi<Object> export(String account, String after, String limit, String mediaType) {
        UUID accountId = scope(account);
        int most = PageRequest.limit(limit, MAX_EXPORT, MAX_EXPORT);
        long from = LogPage.afterSequence(after);
        Multi<LogEntryView> rows = StreamedExport.rows(from, seq -> Panache.withSession(() -> (accountId == null
                        ? ComplianceEntry.<ComplianceEntry>find("seq > ?1 order by seq", seq)
                        : ComplianceEntry.<ComplianceEntry>find("accountId = ?1 and seq > ?2 order by seq", accountId, seq))
                        .page(0, StreamedExport.CHUNK).list()).map(chunk -> chunk.stream().map(LogEntryView::of).toList()),
                LogEntryView::seq, most);
        return StreamedExport.body(rows, LogEntryView.class, mediaType);
    }

    @GET
    @Path("/verify")
    @RolesAllowed({"admin", "operator"})
    @Operation(summary = "Recompute the whole hash chain: valid, or the first entry that was modified, deleted or reordered")
    public Uni<ChainVerification.Result> verify() {
        return verification.verify();
    }

    private UUID scope(String account) {
        UUID accountId = account == null ? null : SubjectQuery.accountId(account);
        if (!caller.isVendorWide()) {
            if (accountId == null) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "account", "the account's id is required");
            }
            if (!caller.canReadAccount(accountId)) {
                throw new ForbiddenException("not your account");
            }
        }
        return accountId;
    }
}
