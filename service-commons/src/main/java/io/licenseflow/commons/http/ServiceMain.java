package io.licenseflow.commons.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Every service's entry point. It turns off Quarkus' own request-URI check, which runs before any route and answers
 * a URI that {@link java.net.URI} rejects (a malformed percent-escape, a raw '{') with a bare 400: {@link RequestGuard}
 * checks URIs more strictly and answers with a problem. Tests, which do not start through this class, set the same
 * property in the test stack resource ({@code LocalStackResource}).
 */
@QuarkusMain
public final class ServiceMain {

    public static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private ServiceMain() {
    }

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION_OFF, "true");
        Quarkus.run(args);
    }
}
