package io.licenseflow.portal.errors;

import java.util.Map;

/**
 * A page refused, shown by {@link ErrorPages} with its status, stable code and plain words: by the portal itself, or
 * by a service, whose problem+json code it keeps (docs/errors.md).
 */
public final class PageRefusal extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String detail;

    public PageRefusal(int status, String code, String title, String detail) {
        super(status + " " + code);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    public static PageRefusal notFound(String detail) {
        return new PageRefusal(404, "not-found", "Not found", detail);
    }

    /** A service's answer with {@code status} and its problem+json {@code body} (empty when it sent none), in the portal's words. */
    public static PageRefusal fromService(int status, Map<String, Object> body) {
        String code = body.get("code") == null ? "http-" + status : body.get("code").toString();
        String detail = body.get("detail") == null ? null : body.get("detail").toString();
        return switch (status) {
            case 403 -> new PageRefusal(403, code, "You do not have access to this page",
                    "Your sign-in does not allow you to see or change this. If you think it should, ask your administrator.");
            case 404 -> new PageRefusal(404, code, "Not found", detail != null ? detail : "There is nothing at this address.");
            case 401 -> new PageRefusal(401, code, "Your session has ended", "Sign in again to continue.");
            default -> new PageRefusal(status >= 500 ? 502 : status, code, body.get("title") == null ? "The service refused" : body.get("title").toString(),
                    detail != null ? detail : "The service refused the request.");
        };
    }

    public int status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    String detail() {
        return detail;
    }
}
