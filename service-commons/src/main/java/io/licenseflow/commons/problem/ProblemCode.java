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
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
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
