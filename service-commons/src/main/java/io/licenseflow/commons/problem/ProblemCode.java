package io.licenseflow.commons.problem;

/** Stable error codes shared by every service's API. Documented in docs/errors.md; never renamed. */
public enum ProblemCode {
    BAD_REQUEST(400, "Bad request"),
    MALFORMED_JSON(400, "Request body is not valid JSON"),
    UNKNOWN_FIELD(400, "Request body has a field this API does not know"),
    WRONG_TYPE(400, "A field has the wrong type"),
    VALIDATION_FAILED(400, "Request failed validation"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    TOO_MANY_REQUESTS(429, "Too many requests");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The code for an HTTP client-error status; {@link #BAD_REQUEST} for one without a code of its own. */
    public static ProblemCode forStatus(int status) {
        for (ProblemCode code : values()) {
            if (code.status == status && code != MALFORMED_JSON && code != UNKNOWN_FIELD && code != WRONG_TYPE && code != VALIDATION_FAILED) {
                return code;
            }
        }
        return BAD_REQUEST;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
