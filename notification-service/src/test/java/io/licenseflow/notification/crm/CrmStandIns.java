package io.licenseflow.notification.crm;

import io.licenseflow.testing.WebhookReceiver;
import io.licenseflow.testing.crm.HubSpotStandIn;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Both CRM connectors on, for {@link CrmSyncTest}'s own boot: HubSpot's pointing at {@link HubSpotStandIn} (HubSpot's
 * servers cannot run here; the stand-in answers as its API reference documents), the generic one at a local
 * {@link WebhookReceiver}.
 */
public class CrmStandIns implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "pat-na1-test-0000";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static HubSpotStandIn hubspot;
    private static WebhookReceiver receiver;

    static synchronized HubSpotStandIn hubspot() {
        if (hubspot == null) {
            hubspot = new HubSpotStandIn(TOKEN);
        }
        return hubspot;
    }

    static synchronized WebhookReceiver receiver() {
        if (receiver == null) {
            try {
                receiver = new WebhookReceiver();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return receiver;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("licenseflow.crm.connectors", "hubspot,webhook",
                "licenseflow.crm.hubspot.base-url", hubspot().baseUrl(),
                "licenseflow.crm.hubspot.access-token", TOKEN,
                "licenseflow.crm.webhook.url", receiver().url(),
                "licenseflow.crm.webhook.secret", SECRET);
    }

    @Override
    public void stop() {
        // they live as long as the test JVM
    }
}
