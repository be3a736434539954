package io.licenseflow.testing;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real test stack: its service database, Kafka (with Debezium
 * publishing the outbox), and the test token key. Test classes use it through {@link WithLocalStack}.
 */
public class LocalStackResource implements QuarkusTestResourceConfigurableLifecycleManager<WithLocalStack> {

    private String database;
    private boolean mail;

    @Override
    public void init(WithLocalStack annotation) {
        database = annotation.database();
        mail = annotation.mail();
    }

    @Override
    public Map<String, String> start() {
        // As the services' main class (io.licenseflow.commons.http.ServiceMain) does, before Quarkus starts: the
        // request guard checks URIs instead of Quarkus' bare-400 check.
        System.setProperty("vertx.disableURIValidation", "true");
        Map<String, String> stack = LocalStack.platform();
        String pg = "127.0.0.1:" + stack.get("LF_PG_PORT") + "/" + database;
        // A service with a database role of its own (LF_<DATABASE>_DB_USER) runs as it; migrations run as the owner.
        String roleVariable = "LF_" + database.toUpperCase() + "_DB_";
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + pg,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + pg,
                "quarkus.datasource.username", stack.getOrDefault(roleVariable + "USER", stack.get("LF_PG_USER")),
                "quarkus.datasource.password", stack.getOrDefault(roleVariable + "PASSWORD", stack.get("LF_PG_PASSWORD")),
                "quarkus.flyway.username", stack.get("LF_PG_USER"),
                "quarkus.flyway.password", stack.get("LF_PG_PASSWORD"),
                "kafka.bootstrap.servers", LocalStack.kafkaBootstrap(),
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER));
        if (mail) {
            config.put("quarkus.mailer.host", "127.0.0.1");
            // through the fault injector in front of the real server (mail passes untouched unless a test gives it a fault)
            config.put("quarkus.mailer.port", Integer.toString(SmtpFaults.port()));
        }
        return config;
    }

    @Override
    public void stop() {
        // The stack outlives the test JVM; ./licenseflow test stops it.
    }
}
