package io.licenseflow.notification.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.crm.CrmAccountRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HubSpot through its public CRM API (v3 objects, v4 associations), with a private app's token:
 * <ol>
 * <li>the account as a company, upserted by the unique property {@code licenseflow_account_id}
 * ({@code POST /crm/v3/objects/companies/batch/upsert}) with its onboarding and license properties;</li>
 * <li>its contact, upserted by email ({@code POST /crm/v3/objects/contacts/batch/upsert});</li>
 * <li>the contact associated with the company ({@code PUT /crm/v4/objects/contact/{id}/associations/default/company/{id}}).</li>
 * </ol>
 * The company properties must exist in the portal (notification-service/README.md#hubspot lists them).
 */
@ApplicationScoped
public class HubSpotConnector implements CrmConnector {

    public static final String NAME = "hubspot";

    private final CrmSettings.HubSpot settings;
    private final CrmHttp http;

    public HubSpotConnector(CrmSettings settings, CrmHttp http) {
        this.settings = settings.hubspot();
        this.http = http;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkConfigured() {
        if (settings.accessToken().isEmpty()) {
            throw new IllegalStateException("the hubspot CRM connector needs licenseflow.crm.hubspot.access-token (LICENSEFLOW_CRM_HUBSPOT_ACCESS_TOKEN)");
        }
    }

    @Override
    public Uni<Void> push(CrmAccountRecord record) {
        Uni<String> company = upsert("companies", "licenseflow_account_id", record.accountId().toString(), companyProperties(record));
        if (record.contactEmail() == null) {
            return company.replaceWithVoid();
        }
        return company.chain(companyId -> upsert("contacts", "email", record.contactEmail(), Map.of("email", record.contactEmail()))
                .chain(contactId -> http.send("PUT", settings.baseUrl() + "/crm/v4/objects/contact/" + contactId + "/associations/default/company/" + companyId,
                        headers(), "")))
                .replaceWithVoid();
    }

    /** The company's properties: HubSpot takes every value as a string; dates as yyyy-MM-dd, date-times as ISO 8601. */
    static Map<String, String> companyProperties(CrmAccountRecord record) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("licenseflow_account_id", record.accountId().toString());
        if (record.name() != null) {
            properties.put("name", record.name());
        }
        properties.put("licenseflow_onboarding_status", record.onboarding() == null ? "" : record.onboarding().status());
        properties.put("licenseflow_onboarding_step", record.onboarding() == null ? "" : record.onboarding().step());
        List<CrmAccountRecord.License> active = record.licenses().stream().filter(l -> "ACTIVE".equals(l.status())).toList();
        properties.put("licenseflow_license_count", Integer.toString(record.licenses().size()));
        properties.put("licenseflow_active_licenses", Integer.toString(active.size()));
        properties.put("licenseflow_seats_used", Integer.toString(active.stream().mapToInt(CrmAccountRecord.License::seatsUsed).sum()));
        properties.put("licenseflow_seat_limit", Integer.toString(active.stream().mapToInt(CrmAccountRecord.License::seatLimit).sum()));
        properties.put("licenseflow_next_expiry", active.stream().map(CrmAccountRecord.License::expiresAt).filter(e -> e != null)
                .min(Comparator.naturalOrder()).map(HubSpotConnector::date).orElse(""));
        properties.put("licenseflow_licenses", record.licenses().stream().map(HubSpotConnector::line).collect(Collectors.joining("\n")));
        properties.put("licenseflow_synced_at", record.asOf().toString());
        return properties;
    }

    private static String line(CrmAccountRecord.License license) {
        return license.keyPrefix() + " " + license.typeName() + ": " + license.status() + ", " + license.seatsUsed() + "/" + license.seatLimit()
                + " seats, " + (license.expiresAt() == null ? "perpetual" : "until " + date(license.expiresAt()));
    }

    private static String date(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** Upserts one object by a unique property; its HubSpot id. */
    private Uni<String> upsert(String objectType, String idProperty, String id, Map<String, String> properties) {
        ObjectNode input = EventJson.MAPPER.createObjectNode().put("idProperty", idProperty).put("id", id);
        input.set("properties", EventJson.MAPPER.valueToTree(properties));
        ObjectNode body = EventJson.MAPPER.createObjectNode();
        body.putArray("inputs").add(input);
        return http.send("POST", settings.baseUrl() + "/crm/v3/objects/" + objectType + "/batch/upsert", headers(), body.toString()).map(answer -> {
            try {
                JsonNode result = EventJson.MAPPER.readTree(answer).path("results").path(0);
                if (!result.hasNonNull("id")) {
                    throw new CrmRefusal(200, "HubSpot answered the " + objectType + " upsert without a result id", false, null);
                }
                return result.get("id").asText();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new CrmRefusal(200, "HubSpot's answer to the " + objectType + " upsert is not JSON", false, null);
            }
        });
    }

    private Map<String, String> headers() {
        return Map.of("authorization", "Bearer " + settings.accessToken().orElseThrow());
    }
}
