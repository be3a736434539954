package io.licenseflow.commons.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Per-account isolation: admins and operators see every account; a customer sees only the account named in
 * the {@code account_id} claim of their token. Answers 404-free 403 so that ids cannot be probed either way.
 */
@RequestScoped
public class AccountAccess {

    public static final String ACCOUNT_CLAIM = "account_id";

    private final SecurityIdentity identity;

    public AccountAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    public void checkCanRead(UUID accountId) {
        if (identity.hasRole("admin") || identity.hasRole("operator")) {
            return;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && accountId.toString().equals(jwt.getClaim(ACCOUNT_CLAIM))) {
            return;
        }
        throw new ForbiddenException("not your account");
    }
}
