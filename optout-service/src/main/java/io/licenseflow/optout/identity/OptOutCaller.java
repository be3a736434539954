package io.licenseflow.optout.identity;

import io.licenseflow.commons.security.AccountAccess;
import io.licenseflow.events.optout.OptOutSubject;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may read and change whose choices (docs/optout.md#who-may-do-what):
 * <ul>
 * <li>{@code admin} (the vendor): everything;</li>
 * <li>{@code optouts} (a product backend's service client, an explicit grant): read and change any subject's choices,
 * subscribe to every change;</li>
 * <li>{@code operator} (vendor staff): read everything, change nothing;</li>
 * <li>{@code customer} (a customer's admin): read and change within their account ({@code account_id} claim);</li>
 * <li>{@code end-user} (a Keycloak user linked to a subject by its {@code account_id} and {@code subject_id} claims):
 * read and change only their own choices.</li>
 * </ul>
 */
@RequestScoped
public class OptOutCaller {

    public static final String SUBJECT_CLAIM = "subject_id";
    public static final String PORTAL_CLIENT = "licenseflow-portal";

    private final SecurityIdentity identity;
    private final AccountAccess access;

    public OptOutCaller(SecurityIdentity identity, AccountAccess access) {
        this.identity = identity;
        this.access = access;
    }

    public boolean isVendorWide() {
        return identity.hasRole("admin") || identity.hasRole("optouts") || identity.hasRole("operator");
    }

    public boolean isEndUser() {
        return identity.hasRole("end-user") && !isVendorWide() && !identity.hasRole("customer");
    }

    public boolean canReadAccount(UUID accountId) {
        return identity.hasRole("optouts") || access.canRead(accountId);
    }

    public void checkCanReadAccount(UUID accountId) {
        if (!canReadAccount(accountId)) {
            throw new ForbiddenException("not your account");
        }
    }

    /** Adds purposes, changes account-wide settings: the vendor's admins and the account's own. */
    public void checkCanAdministerAccount(UUID accountId) {
        boolean ownAccount = identity.hasRole("customer") && accountId.toString().equals(claim(AccountAccess.ACCOUNT_CLAIM));
        if (!identity.hasRole("admin") && !ownAccount) {
            throw new ForbiddenException("only the vendor's admins and the account's own may");
        }
    }

    public boolean canRead(UUID accountId, OptOutSubject subject) {
        if (isEndUser()) {
            return isOwn(accountId, subject);
        }
        return canReadAccount(accountId);
    }

    public boolean canChange(UUID accountId, OptOutSubject subject) {
        if (identity.hasRole("admin") || identity.hasRole("optouts")) {
            return true;
        }
        if (identity.hasRole("customer")) {
            return accountId.toString().equals(claim(AccountAccess.ACCOUNT_CLAIM));
        }
        return identity.hasRole("end-user") && isOwn(accountId, subject);
    }

    /** The end user's own subject, or null when the caller is not an end user linked to one. */
    public OwnSubject ownSubject() {
        String account = claim(AccountAccess.ACCOUNT_CLAIM);
        String subject = claim(SUBJECT_CLAIM);
        if (!identity.hasRole("end-user") || account == null || subject == null) {
            return null;
        }
        try {
            return new OwnSubject(UUID.fromString(account), new OptOutSubject(OptOutSubject.USER, subject));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    public record OwnSubject(UUID accountId, OptOutSubject subject) {
    }

    private boolean isOwn(UUID accountId, OptOutSubject subject) {
        OwnSubject own = ownSubject();
        return own != null && own.accountId().equals(accountId) && own.subject().equals(subject);
    }

    /**
     * Registers and changes webhooks: the vendor's admins and service clients for any account or all of them; a customer's
     * admin for their own account only.
     */
    public void checkCanManageWebhooks(UUID accountId) {
        if (identity.hasRole("admin") || identity.hasRole("optouts")) {
            return;
        }
        if (!identity.hasRole("customer") || accountId == null || !accountId.toString().equals(claim(AccountAccess.ACCOUNT_CLAIM))) {
            throw new ForbiddenException("customers manage only their own account's webhooks");
        }
    }

    /** Sees a webhook of {@code accountId} (null: vendor-wide): vendor staff and clients all, customers their account's. */
    public boolean canSeeWebhooks(UUID accountId) {
        return isVendorWide() || (accountId != null && identity.hasRole("customer") && accountId.toString().equals(claim(AccountAccess.ACCOUNT_CLAIM)));
    }

    /** The account named by a customer's token; null for everyone else. */
    public UUID customerAccount() {
        String account = identity.hasRole("customer") && !isVendorWide() ? claim(AccountAccess.ACCOUNT_CLAIM) : null;
        return account == null ? null : UUID.fromString(account);
    }

    /** The source a change records unless the request names one: the portal's, the admin's, or the API's. */
    public String defaultSource() {
        if (PORTAL_CLIENT.equals(claim("azp"))) {
            return "portal";
        }
        return identity.hasRole("admin") ? "admin" : "api";
    }

    /** Sources the caller may claim: {@code import} and {@code admin} are for the vendor's admins and clients. */
    public Set<String> allowedSources() {
        if (identity.hasRole("admin")) {
            return Set.of("api", "portal", "admin", "import");
        }
        if (identity.hasRole("optouts")) {
            return Set.of("api", "import");
        }
        if (identity.hasRole("customer")) {
            return Set.of("api", "portal", "admin");
        }
        return Set.of("api", "portal");
    }

    /** Who is acting, as the compliance log records it: the token's user, or the client's service account. */
    public String actor() {
        return access.actor();
    }

    /** The OAuth client the call came through (azp), when the token names one. */
    public String client() {
        return claim("azp");
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString();
        }
        return null;
    }
}
