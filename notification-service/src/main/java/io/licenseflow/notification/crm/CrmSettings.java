package io.licenseflow.notification.crm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** CRM synchronisation ({@code licenseflow.crm.*}; docs: notification-service/README.md#crm-link). */
@ConfigMapping(prefix = "licenseflow.crm")
public interface CrmSettings {

    /** The connectors every account's record goes to: {@code hubspot}, {@code webhook}; none by default. */
    Optional<List<String>> connectors();

    /** How often pending syncs are looked for (and at once after a change). */
    @WithDefault("5s")
    Duration poll();

    @WithDefault("PT10S")
    Duration firstRetry();

    @WithDefault("PT30M")
    Duration maxRetryInterval();

    @WithDefault("PT24H")
    Duration giveUpAfter();

    /** How long one push may take before it counts as failed (and is retried). */
    @WithDefault("PT10S")
    Duration timeout();

    HubSpot hubspot();

    Webhook webhook();

    interface HubSpot {

        @WithDefault("https://api.hubapi.com")
        String baseUrl();

        /** A HubSpot private app's access token with the crm.objects.companies.write and crm.objects.contacts.write scopes. */
        Optional<String> accessToken();
    }

    interface Webhook {

        Optional<String> url();

        /** The Standard Webhooks secret ({@code whsec_} and base64) the receiver verifies with. */
        Optional<String> secret();
    }
}
