package io.licenseflow.e2e;

import io.licenseflow.testing.LocalStack;
import io.licenseflow.testing.ServiceProcess;
import io.licenseflow.testing.TestCertificate;
import io.licenseflow.testing.WebhookReceiver;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four packaged services, started once for all end-to-end test classes of this JVM (each start costs seconds)
 * and stopped when it ends. Configured as ./licenseflow up configures them, against the test stack, and besides: each
 * also serves HTTPS (on its port + 100) with a two-day test certificate, as in Kubernetes, so that its certificate
 * metric and the certificate-expiry alert are real; notification-service pushes CRM records to a receiver in this JVM
 * (the generic webhook connector, to a WebhookReceiver), so that the CRM metrics are real. The test stack's Prometheus scrapes these ports.
 */
final class PackagedSuite {

    /** Service name → its database in the test stack. */
    static final Map<String, String> DATABASES = Map.of("onboarding", "onboarding", "entitlement", "entitlement",
            "optout", "optout", "notification", "notification");
    private static final Map<String, Integer> PORTS = Map.of("onboarding", 28091, "entitlement", 28092, "optout", 28093,
            "notification", 28094);
    private static Map<String, ServiceProcess> services;
    private static ServiceProcess portal;
    private static WebhookReceiver crm;
    private static final String CRM_SECRET = "whsec_ZTJlLWNybS1yZWNlaXZlci1zaWduaW5nLXNlY3JldA==";
    /**
     * The hostile-input corpus sends hundreds of bad keys from one address, and later classes use keys from the same
     * address: the rate limits would refuse them. entitlement-service's RateLimitTest tests the limits.
     */
    static final Map<String, String> UNLIMITED = Map.of("LICENSEFLOW_RATE_LIMIT_ENABLED", "false");

    private PackagedSuite() {
    }

    static synchronized ServiceProcess service(String name) {
        return all().get(name);
    }

    /**
     * The packaged portal, on top of the four services, on the port the realm's licenseflow-portal client allows as a
     * redirect target (28095). Only the browser tests need it.
     */
    static synchronized ServiceProcess portal() {
        if (portal == null) {
            Map<String, ServiceProcess> apps = all();
            String keycloak = ServiceProcess.keycloakRealmUrl().replace("/realms/licenseflow", "");
            portal = ServiceProcess.start("portal", 28095, Map.of("LF_ONBOARDING_URL", apps.get("onboarding").url(),
                    "LF_ENTITLEMENT_URL", apps.get("entitlement").url(), "LF_OPTOUT_URL", apps.get("optout").url(),
                    "LF_NOTIFICATION_URL", apps.get("notification").url(), "LF_KEYCLOAK_ORIGIN", keycloak,
                    "LF_PORTAL_SESSION_SECRET", "e2e-portal-session-secret-" + java.util.UUID.randomUUID()));
            Runtime.getRuntime().addShutdownHook(new Thread(portal::close));
        }
        return portal;
    }

    /**
     * The test stack's Prometheus, from the start, so that ObservabilityTest reads what it saw of the whole run. Only
     * ObservabilityTest needs it: without the Debian package prometheus it fails, saying so, and the rest runs.
     */
    private static void watchWithPrometheus() {
        try {
            LocalStack.ensure(List.of("prometheus"));
        } catch (IllegalStateException e) {
            System.err.println("no Prometheus for the end-to-end tests (ObservabilityTest will fail): " + e.getMessage());
        }
    }

    /**
     * Where notification-service's generic CRM connector posts account records: a receiver in this JVM that accepts
     * each. (notification-service's CrmSyncTest checks the records and their signatures; here they need somewhere to go.)
     */
    static synchronized WebhookReceiver crm() {
        if (crm == null) {
            try {
                crm = new WebhookReceiver();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(crm::close));
        }
        return crm;
    }

    static synchronized Map<String, ServiceProcess> all() {
        if (services == null) {
            watchWithPrometheus();
            TestCertificate tls = TestCertificate.create(Path.of("target", "tls-suite"));
            Map<String, ServiceProcess> started = new LinkedHashMap<>();
            for (String name : new String[] {"onboarding", "entitlement", "optout", "notification"}) {
                Map<String, String> env = new HashMap<>(Map.of("quarkus.tls.key-store.pem.0.cert", tls.certificate().toAbsolutePath().toString(),
                        "quarkus.tls.key-store.pem.0.key", tls.key().toAbsolutePath().toString(),
                        "QUARKUS_HTTP_SSL_PORT", Integer.toString(PORTS.get(name) + 100),
                        "licenseflow.tls.ca-file", tls.certificate().toAbsolutePath().toString()));
                if (name.equals("entitlement")) {
                    env.putAll(UNLIMITED);
                }
                if (name.equals("notification")) {
                    env.putAll(Map.of("LICENSEFLOW_CRM_CONNECTORS", "webhook", "LICENSEFLOW_CRM_WEBHOOK_URL", crm().url(),
                            "LICENSEFLOW_CRM_WEBHOOK_SECRET", CRM_SECRET));
                }
                started.put(name, ServiceProcess.start(name, PORTS.get(name), env));
            }
            services = Map.copyOf(started);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(ServiceProcess::close)));
        }
        return services;
    }
}
