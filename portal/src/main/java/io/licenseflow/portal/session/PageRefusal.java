package io.licenseflow.portal.session;

/** The portal's own refusal of a page, shown by {@link ErrorPages} with its status, stable code and plain words. */
public final class PageRefusal extends RuntimeException {

    final int status;
    final String code;
    final String title;
    final String detail;

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
}
