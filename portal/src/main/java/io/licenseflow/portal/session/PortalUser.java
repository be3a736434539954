package io.licenseflow.portal.session;

import io.licenseflow.portal.errors.PageRefusal;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, as Keycloak says: roles from the access token, the account and subject from the ID token's
 * {@code account_id} and {@code subject_id} claims. The services decide what each may read and change; the portal uses
 * this to pick pages and links, and to refuse a page early rather than after a call.
 */
@RequestScoped
@Named("user")
public class PortalUser {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    public boolean isEndUser() {
        return identity.hasRole("end-user");
    }

    public boolean isCustomer() {
        return identity.hasRole("customer");
    }

    /** The vendor's staff: admins, operators and support see every account. */
    public boolean isStaff() {
        return isAdmin() || identity.hasRole("operator") || identity.hasRole("support");
    }

    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    /** Admins and operators change licenses and retry onboardings; support staff only read. */
    public boolean isOperator() {
        return isAdmin() || identity.hasRole("operator");
    }

    public String accountId() {
        return claim("account_id");
    }

    public String subjectId() {
        return claim("subject_id");
    }

    public String name() {
        String name = claim("name");
        return name != null ? name : claim("preferred_username");
    }

    public String username() {
        return claim("preferred_username");
    }

    /** The session's id at Keycloak ({@code sid}), or the token's subject. */
    String sessionId() {
        String sid = claim("sid");
        return sid != null ? sid : idToken.getSubject();
    }

    String subject() {
        return idToken.getSubject();
    }

    /** An end user's account and subject id, as their sign-in names them. */
    public record OwnSubject(String accountId, String subjectId) {
    }

    /**
     * The end user's own subject, from the Keycloak user attributes {@code account_id} and {@code subject_id}; a
     * sign-in without them has no choices to show.
     */
    public OwnSubject ownSubject() {
        if (accountId() == null || subjectId() == null) {
            throw new PageRefusal(403, "no-subject", "Your sign-in names no subject",
                    "Your sign-in does not say which account and user you are, so there are no choices to show. Ask your administrator.");
        }
        return new OwnSubject(accountId(), subjectId());
    }

    /** Whether this user may see the pages of {@code accountId}: admins and operators every account's, customers their own. */
    public boolean maySeeAccount(String accountId) {
        return isOperator() || (isCustomer() && accountId != null && accountId.equalsIgnoreCase(accountId()));
    }

    /** Where this user starts. */
    public String home() {
        if (isStaff()) {
            return "/vendor";
        }
        if (isCustomer() && accountId() != null) {
            return "/accounts/" + accountId();
        }
        if (isEndUser()) {
            return "/me";
        }
        return "/no-access";
    }

    private String claim(String name) {
        Object value = idToken.getClaim(name);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        return value == null ? null : value.toString();
    }
}
