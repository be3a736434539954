package io.licenseflow.portal.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The CSRF token of the signed-in session (OWASP's HMAC-based synchronizer token): an HMAC of the Keycloak session
 * ({@code sid}) and user, which a page from another site cannot know. Every form carries it as the hidden field
 * {@value #FIELD}; htmx requests send it as the header {@value #HEADER}. Templates read it as {@code inject:csrf.token}.
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";

    @Inject
    PortalUser user;

    @Inject
    SessionSecret secret;

    public String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret.sign(user.subject() + "\n" + user.sessionId()));
    }

    public String field() {
        return FIELD;
    }

    public String header() {
        return HEADER;
    }

    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token().getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
