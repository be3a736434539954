package io.licenseflow.notification.support;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import io.licenseflow.commons.security.AccountAccess;
import io.licenseflow.notification.account.AccountOnboarding;
import io.licenseflow.notification.account.Recipient;
import io.licenseflow.notification.license.LicenseSnapshot;
import io.licenseflow.notification.license.LicenseTypeName;
import io.licenseflow.notification.notice.Notice;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * License status for support staff, without engineering help: find a customer by account id, contact email or the
 * key's prefix (the first, non-secret group every notice shows, e.g. {@code LF-7Q2M}; a customer reads it out without
 * giving away the key), and see the account, its onboarding, its licenses with their state, term and seats, and its
 * latest notices.
 */
@Path("/v1/support/status")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Support")
public class SupportResource {

    private static final Pattern KEY_PREFIX = Pattern.compile("LF-[A-Z0-9]{4}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    private final AccountAccess access;

    public SupportResource(AccountAccess access) {
        this.access = access;
    }

    @GET
    @RolesAllowed({"support", "admin", "operator"})
    @WithSession
    @Operation(summary = "The status of the customers found by exactly one of ?account= (id), ?email= (the contact's address, any case) "
            + "or ?keyPrefix= (e.g. LF-7Q2M): account, onboarding, licenses (state, expiry, seats used) and latest notices; an empty list "
            + "when none matches")
    public Uni<List<CustomerStatus>> find(@RestQuery UUID account, @RestQuery String email, @RestQuery String keyPrefix) {
        int given = (account != null ? 1 : 0) + (email != null ? 1 : 0) + (keyPrefix != null ? 1 : 0);
        if (given != 1) {
            throw new ProblemException(ProblemCode.INVALID_PARAMETER, "account", "name exactly one of account, email or keyPrefix");
        }
        Uni<List<UUID>> accounts;
        if (account != null) {
            accounts = Uni.createFrom().item(List.of(account));
        } else if (email != null) {
            if (!EMAIL.matcher(email).matches()) {
                throw new ProblemException(ProblemCode.INVALID_EMAIL, "email", "must be an email address such as it@acme.example");
            }
            accounts = Recipient.<Recipient>list("lower(email) = ?1 order by name", email.toLowerCase()).map(found -> found.stream().map(r -> r.id).toList());
        } else {
            if (!KEY_PREFIX.matcher(keyPrefix).matches()) {
                throw new ProblemException(ProblemCode.INVALID_PARAMETER, "keyPrefix", "must be a key's first group, such as LF-7Q2M");
            }
            accounts = LicenseSnapshot.<LicenseSnapshot>list("keyPrefix = ?1", keyPrefix).map(found -> found.stream().map(l -> l.accountId).distinct().toList());
        }
        return accounts.chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<CustomerStatus>of())
                : Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(this::status).filter(s -> s != null).collect().asList());
    }

    private Uni<CustomerStatus> status(UUID accountId) {
        access.checkCanRead(accountId);
        return Recipient.<Recipient>findById(accountId).chain(recipient -> AccountOnboarding.<AccountOnboarding>findById(accountId)
                .chain(onboarding -> LicenseSnapshot.<LicenseSnapshot>list("accountId = ?1 order by startsAt, id", accountId)
                        .chain(licenses -> LicenseTypeName.displayNames(licenses).chain(names -> Notice.<Notice>find("accountId = ?1 order by createdAt desc", accountId)
                                .page(0, 10).list().map(notices -> recipient == null && onboarding == null && licenses.isEmpty() ? null
                                        : new CustomerStatus(
                                                recipient == null ? new CustomerStatus.Account(accountId, null, null, null)
                                                        : new CustomerStatus.Account(accountId, recipient.name, recipient.email, recipient.locale),
                                                onboarding == null ? null : new CustomerStatus.Onboarding(onboarding.onboardingId, onboarding.status,
                                                        onboarding.step, onboarding.reason, onboarding.updatedAt),
                                                licenses.stream().map(l -> new CustomerStatus.License(l.id, l.licenseType,
                                                        names.getOrDefault(l.licenseType, l.licenseType), l.status, l.seatLimit, l.seatsUsed, l.startsAt,
                                                        l.expiresAt, l.keyPrefix, l.updatedAt)).toList(),
                                                notices.stream().map(n -> new CustomerStatus.RecentNotice(n.id, n.template, n.status, n.createdAt,
                                                        n.sentAt, n.lastError)).toList()))))));
    }
}
