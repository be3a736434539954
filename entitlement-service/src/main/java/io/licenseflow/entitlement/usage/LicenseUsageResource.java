package io.licenseflow.entitlement.usage;

import io.licenseflow.commons.paging.Page;
import io.licenseflow.commons.paging.PageRequest;
import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.licenseflow.entitlement.license.License;
import io.licenseflow.entitlement.licensetype.LicenseTypeVersion;
import io.licenseflow.events.licensetype.LicenseTypeDefinition.UsageRule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/licenses/{licenseId}/usage")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Usage")
public class LicenseUsageResource {

    /** A meter's standing in its current period. */
    public record MeterStanding(String meter, long quota, UsageRule.QuotaPeriod period, UsageView.Period window, long used, long remaining,
            UsageRule.Overage overage, Double overageFactor) {
    }

    public record Standing(UUID licenseId, Instant at, List<MeterStanding> meters) {
    }

    private final AccountAccess access;

    public LicenseUsageResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "Each meter of the license against its quota in the current period; customers see only their account's")
    public Uni<Standing> standing(@PathParam("licenseId") UUID licenseId) {
        Instant now = Instant.now();
        return readable(licenseId).chain(license -> LicenseTypeVersion.<LicenseTypeVersion>find("licenseTypeId = ?1 and version = ?2",
                        license.licenseTypeId, license.licenseTypeVersion).firstResult()
                .chain(type -> Multi.createFrom().iterable(type.definition().usageRules())
                        .onItem().transformToUniAndConcatenate(rule -> {
                            QuotaWindow window = QuotaWindow.of(rule.period(), license, now);
                            return Panache.getSession().chain(session -> session.createNativeQuery(
                                            "SELECT used FROM usage_counter WHERE license_id = :license AND meter = :meter AND period_start = :start", Long.class)
                                    .setParameter("license", license.id).setParameter("meter", rule.meter()).setParameter("start", window.start())
                                    .getResultList())
                                    .map(used -> {
                                        long total = used.isEmpty() ? 0 : used.get(0);
                                        return new MeterStanding(rule.meter(), rule.quota(), rule.period(), new UsageView.Period(window.start(), window.end()),
                                                total, Math.max(0, rule.quota() - total), rule.overage(), rule.overageFactor());
                                    });
                        })
                        .collect().asList()
                        .map(meters -> new Standing(license.id, now, meters))));
    }

    @GET
    @Path("/records")
    @RolesAllowed({"admin", "operator", "customer"})
    @WithSession
    @Operation(summary = "The license's accepted usage reports, oldest first")
    public Uni<Page<UsageView>> records(@PathParam("licenseId") UUID licenseId, @BeanParam PageRequest page) {
        return readable(licenseId).chain(license -> Page.of(UsageRecord.class, "licenseId = :license", Map.of("license", licenseId), page,
                r -> r.createdAt, r -> r.id, UsageView::of));
    }

    private Uni<License> readable(UUID licenseId) {
        return License.<License>findById(licenseId).map(license -> {
            if (license == null || !access.canRead(license.accountId)) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no license " + licenseId);
            }
            return license;
        });
    }
}
