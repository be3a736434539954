package io.licenseflow.commons.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Per-account isolation: admins, operators and support staff see every account; a customer sees only the account named in the
 * {@code account_id} claim of their token. For a URL naming an account, a customer asking for another gets 403 whether
 * or not it exists; for a resource found by its own id (a license, an activation), the caller answers 404 when
 * {@link #canRead} is false, so that ids of other accounts cannot be probed.
 */
@RequestScoped
public class AccountAccess {

    public static final String ACCOUNT_CLAIM = "account_id";

    private final SecurityIdentity identity;

    public AccountAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean canRead(UUID accountId) {
        if (canReadEveryAccount()) {
            return true;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt && accountId.toString().equals(jwt.getClaim(ACCOUNT_CLAIM));
    }

    public void checkCanRead(UUID accountId) {
        if (!canRead(accountId)) {
            throw new ForbiddenException("not your account");
        }
    }

    /** Vendor staff, product backends and support staff (who read, and change nothing). */
    public boolean canReadEveryAccount() {
        return isStaff() || identity.hasRole("support");
    }

    /** Vendor staff and product backends: the admin and operator roles. */
    public boolean isStaff() {
        return identity.hasRole("admin") || identity.hasRole("operator");
    }

    /** Who is acting, as recorded in events: the token's user or client. */
    public String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
