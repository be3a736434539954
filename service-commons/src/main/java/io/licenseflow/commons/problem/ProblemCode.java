package io.licenseflow.commons.problem;

/** Stable error codes shared by every service's API. Documented in docs/errors.md; never renamed. */
public enum ProblemCode {
    BAD_REQUEST(400, "Bad request"),
    MALFORMED_JSON(400, "Request body is not valid JSON"),
    DUPLICATE_FIELD(400, "Request body names a field twice"),
    INVALID_CHARACTERS(400, "Text contains characters that cannot be stored"),
    JSON_LIMIT_EXCEEDED(400, "Request body exceeds a JSON limit"),
    NUMBER_OUT_OF_RANGE(400, "A number does not fit its field"),
    UNKNOWN_FIELD(400, "Request body has a field this API does not know"),
    WRONG_TYPE(400, "A field has the wrong type"),
    VALIDATION_FAILED(400, "Request failed validation"),
    INVALID_URI(400, "Request URI is malformed"),
    INVALID_HEADER(400, "A request header is malformed"),
    UNKNOWN_PARAMETER(400, "Request has a query parameter this API does not know"),
    UNKNOWN_LICENSE_TYPE(400, "No license type has this name"),
    MALFORMED_KEY(400, "Not a license key"),
    IDEMPOTENCY_KEY_REQUIRED(400, "This request needs an Idempotency-Key header"),
    INVALID_PARAMETER(400, "A request parameter has an invalid value"),
    UNKNOWN_PURPOSE(400, "No purpose has this name in the account"),
    UNKNOWN_ACCOUNT(400, "No account has this id"),
    BULK_TOO_LARGE(400, "The request carries more changes than one request may"),
    FORBIDDEN_WEBHOOK_TARGET(400, "The webhook URL is not allowed"),
    INVALID_EMAIL(400, "Not an email address"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    UNKNOWN_TEMPLATE(404, "No notice template has this name, version or locale"),
    UNKNOWN_NOTICE(404, "No notice has this id"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    LICENSE_TYPE_EXISTS(409, "A license type with this name exists"),
    ACCOUNT_EXISTS(409, "An account with this id exists with other details"),
    KEY_ALREADY_REVEALED(409, "The license key was revealed already"),
    LICENSE_STATE_CONFLICT(409, "The license's state does not allow this"),
    ONBOARDING_NOT_FAILED(409, "Only a failed onboarding can be retried"),
    LICENSE_NOT_ACTIVE(409, "The license is not active"),
    SEAT_LIMIT_REACHED(409, "Every seat of the license is in use"),
    NOT_ACTIVATED(409, "The machine holds no seat of the license"),
    QUOTA_EXCEEDED(409, "The usage would exceed the meter's quota"),
    SIGNING_KEY_IN_USE(409, "The signing key signs now and cannot be retired"),
    ROTATION_PENDING(409, "A rotated-in signing key does not sign yet"),
    IDEMPOTENCY_KEY_REUSED(409, "The Idempotency-Key was used for another request"),
    PURPOSE_EXISTS(409, "The account has a purpose with this name"),
    OPTED_OUT_PURPOSE(409, "The subject opted out of this purpose"),
    KEY_NOTICE_RECIPIENT_FIXED(409, "A notice carrying a license key goes to the account's contact only"),
    NOTICE_NOT_CLOSED(409, "The notice is still queued"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    URI_TOO_LONG(414, "Request URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The general code for an HTTP status: the first declared with it; {@link #BAD_REQUEST} or {@link #INTERNAL_ERROR} otherwise. */
    public static ProblemCode forStatus(int status) {
        for (ProblemCode code : values()) {
            if (code.status == status) {
                return code;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
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
