package io.licenseflow.portal.services;

import java.util.Map;

/**
 * A service's refusal, as its problem+json said it (docs/errors.md): the portal shows the service's own words and code.
 */
public final class ServiceProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final String detail;

    public ServiceProblem(int status, String code, String title, String detail) {
        super(status + " " + code);
        this.status = status;
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    static ServiceProblem of(int status, Map<String, Object> body) {
        String code = text(body.get("code"));
        String title = text(body.get("title"));
        String detail = text(body.get("detail"));
        return new ServiceProblem(status, code == null ? "http-" + status : code, title == null ? "The service refused" : title, detail);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
