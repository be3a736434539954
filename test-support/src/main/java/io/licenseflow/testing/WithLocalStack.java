package io.licenseflow.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @QuarkusTest} on the real test stack (see {@link LocalStackResource}) with the service's own
 * database. Test classes naming the same database share one application boot.
 */
@WithTestResource(value = LocalStackResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithLocalStack {

    /** The service's database in the test stack, e.g. "onboarding". */
    String database();

    /**
     * Also the stack's mail server, for notification-service: it sends through {@link SmtpFaults} to the real SMTP server
     * and tests read the mail back over IMAP with {@link TestMailbox}.
     */
    boolean mail() default false;
}
