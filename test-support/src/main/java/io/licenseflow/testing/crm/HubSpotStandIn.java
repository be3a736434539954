package io.licenseflow.testing.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.licenseflow.events.EventJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the part of HubSpot's public CRM API that LicenseFlow's HubSpot connector uses, because HubSpot's
 * servers cannot run here. It answers as HubSpot's API reference documents (developers.hubspot.com/docs/api-reference,
 * CRM objects v3 batch upsert and associations v4 "create default association"): it checks the private app token
 * ({@code Authorization: Bearer}), the request bodies' shape, that every property exists in the portal (the standard
 * ones used and the {@code licenseflow_*} custom ones of the documented setup) and that every value is a string, and
 * replies with the documented response bodies and errors (401 INVALID_AUTHENTICATION, 400 VALIDATION_ERROR, 404). It
 * keeps the companies, contacts and associations it was sent, and can be told to answer the next requests with a fault
 * (429 with Retry-After, 500, a 400).
 */
public final class HubSpotStandIn implements AutoCloseable {

    /** The company properties of the documented portal setup (notification-service/README.md#hubspot) and HubSpot's own. */
    public static final Set<String> COMPANY_PROPERTIES = Set.of("name", "domain", "licenseflow_account_id", "licenseflow_onboarding_status",
            "licenseflow_onboarding_step", "licenseflow_license_count", "licenseflow_active_licenses", "licenseflow_seats_used",
            "licenseflow_seat_limit", "licenseflow_next_expiry", "licenseflow_licenses", "licenseflow_synced_at");
    public static final Set<String> CONTACT_PROPERTIES = Set.of("email", "firstname", "lastname", "hs_language");

    /** An object as stored: its HubSpot id and properties. */
    public record StoredObject(String id, Map<String, String> properties) {
    }

    private record Fault(int status, String body, Integer retryAfter) {
    }

    private static final Pattern UPSERT = Pattern.compile("/crm/v3/objects/(companies|contacts)/batch/upsert");
    private static final Pattern ASSOCIATE = Pattern.compile("/crm/v4/objects/contact/(\\d+)/associations/default/company/(\\d+)");

    private final String token;
    private final HttpServer server;
    private final AtomicLong ids = new AtomicLong(5_000_000);
    private final Map<String, StoredObject> companies = new ConcurrentHashMap<>();
    private final Map<String, StoredObject> contacts = new ConcurrentHashMap<>();
    private final Map<String, String> companyOfContact = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Set<String> refusedCompanies = ConcurrentHashMap.newKeySet();

    public HubSpotStandIn(String token) {
        this.token = token;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The company upserted with this licenseflow_account_id, or null. */
    public StoredObject company(String accountId) {
        return companies.get(accountId);
    }

    public StoredObject contact(String email) {
        return contacts.get(email.toLowerCase());
    }

    /** The id of the company the contact is associated with, or null. */
    public String companyOfContact(String contactId) {
        return companyOfContact.get(contactId);
    }

    /** "METHOD path" of every request received, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The next {@code times} requests are answered {@code status} with HubSpot's error body for it. */
    public void failNext(int times, int status, Integer retryAfterSeconds) {
        for (int i = 0; i < times; i++) {
            faults.add(new Fault(status, errorBody(status), retryAfterSeconds));
        }
    }

    /** Upserts of this account's company are refused (400 VALIDATION_ERROR, as for a property value HubSpot rejects) until {@link #accept}. */
    public void refuse(String accountId) {
        refusedCompanies.add(accountId.toLowerCase());
    }

    public void accept(String accountId) {
        refusedCompanies.remove(accountId.toLowerCase());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, error("Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more "
                        + "details at https://developers.hubspot.com/docs/methods/auth/oauth-overview", "INVALID_AUTHENTICATION"), null);
                return;
            }
            if (!faults.isEmpty()) {
                Fault fault = faults.remove(0);
                reply(exchange, fault.status(), fault.body(), fault.retryAfter());
                return;
            }
            Matcher upsert = UPSERT.matcher(path);
            Matcher associate = ASSOCIATE.matcher(path);
            if ("POST".equals(exchange.getRequestMethod()) && upsert.matches()) {
                upsert(exchange, upsert.group(1), new String(body, StandardCharsets.UTF_8));
            } else if ("PUT".equals(exchange.getRequestMethod()) && associate.matches()) {
                associate(exchange, associate.group(1), associate.group(2));
            } else {
                reply(exchange, 404, "", null);
            }
        }
    }

    /** {@code POST /crm/v3/objects/{objectType}/batch/upsert}: inputs of idProperty, id and properties (all strings). */
    private void upsert(HttpExchange exchange, String objectType, String body) throws IOException {
        JsonNode request;
        try {
            request = EventJson.MAPPER.readTree(body);
        } catch (IOException e) {
            reply(exchange, 400, error("Invalid input JSON on line 1", "VALIDATION_ERROR"), null);
            return;
        }
        boolean companiesType = objectType.equals("companies");
        Set<String> known = companiesType ? COMPANY_PROPERTIES : CONTACT_PROPERTIES;
        String uniqueProperty = companiesType ? "licenseflow_account_id" : "email";
        if (!request.path("inputs").isArray() || request.path("inputs").isEmpty()) {
            reply(exchange, 400, error("inputs must not be empty", "VALIDATION_ERROR"), null);
            return;
        }
        List<ObjectNode> results = new ArrayList<>();
        for (JsonNode input : request.path("inputs")) {
            if (!uniqueProperty.equals(input.path("idProperty").asText()) || !input.path("id").isTextual() || !input.path("properties").isObject()) {
                reply(exchange, 400, error("each input needs idProperty " + uniqueProperty + " (a unique property), id and properties",
                        "VALIDATION_ERROR"), null);
                return;
            }
            if (companiesType && refusedCompanies.contains(input.get("id").asText().toLowerCase())) {
                reply(exchange, 400, error("Property values were not valid: [{\"isValid\":false,\"message\":\"licenseflow_licenses was not a valid "
                        + "value\",\"error\":\"INVALID_OPTION\",\"name\":\"licenseflow_licenses\"}]", "VALIDATION_ERROR"), null);
                return;
            }
            Map<String, String> properties = new java.util.LinkedHashMap<>();
            for (var field : input.path("properties").properties()) {
                if (!known.contains(field.getKey())) {
                    reply(exchange, 400, error("Property values were not valid: [{\"isValid\":false,\"message\":\"Property \\\"" + field.getKey()
                            + "\\\" does not exist\",\"error\":\"PROPERTY_DOESNT_EXIST\",\"name\":\"" + field.getKey() + "\"}]", "VALIDATION_ERROR"), null);
                    return;
                }
                if (!field.getValue().isTextual()) {
                    reply(exchange, 400, error("Property values were not valid: " + field.getKey() + " must be a string", "VALIDATION_ERROR"), null);
                    return;
                }
                properties.put(field.getKey(), field.getValue().asText());
            }
            String key = input.get("id").asText().toLowerCase();
            Map<String, StoredObject> store = companiesType ? companies : contacts;
            boolean created = !store.containsKey(key);
            StoredObject stored = store.compute(key, (k, held) -> {
                Map<String, String> merged = new java.util.LinkedHashMap<>(held == null ? Map.of() : held.properties());
                merged.putAll(properties);
                merged.put(uniqueProperty, input.get("id").asText());
                return new StoredObject(held == null ? Long.toString(ids.incrementAndGet()) : held.id(), Map.copyOf(merged));
            });
            ObjectNode result = EventJson.MAPPER.createObjectNode().put("id", stored.id());
            result.set("properties", EventJson.MAPPER.valueToTree(stored.properties()));
            result.put("createdAt", Instant.now().toString()).put("updatedAt", Instant.now().toString()).put("archived", false).put("new", created);
            results.add(result);
        }
        ObjectNode answer = EventJson.MAPPER.createObjectNode().put("status", "COMPLETE");
        ArrayNode array = answer.putArray("results");
        results.forEach(array::add);
        answer.put("startedAt", Instant.now().toString()).put("completedAt", Instant.now().toString());
        reply(exchange, 200, answer.toString(), null);
    }

    /** {@code PUT /crm/v4/objects/contact/{contactId}/associations/default/company/{companyId}}. */
    private void associate(HttpExchange exchange, String contactId, String companyId) throws IOException {
        boolean contactExists = contacts.values().stream().anyMatch(c -> c.id().equals(contactId));
        boolean companyExists = companies.values().stream().anyMatch(c -> c.id().equals(companyId));
        if (!contactExists || !companyExists) {
            reply(exchange, 404, error("No contact or company with these ids", "OBJECT_NOT_FOUND"), null);
            return;
        }
        companyOfContact.put(contactId, companyId);
        ObjectNode answer = EventJson.MAPPER.createObjectNode().put("status", "COMPLETE");
        ObjectNode result = answer.putArray("results").addObject();
        result.putObject("from").put("id", contactId);
        result.putObject("to").put("id", companyId);
        result.putObject("associationSpec").put("associationCategory", "HUBSPOT_DEFINED").put("associationTypeId", 279);
        answer.put("startedAt", Instant.now().toString()).put("completedAt", Instant.now().toString());
        reply(exchange, 200, answer.toString(), null);
    }

    private static String errorBody(int status) {
        return switch (status) {
            case 429 -> error("You have reached your secondly limit.", "RATE_LIMITS");
            case 400 -> error("Property values were not valid", "VALIDATION_ERROR");
            default -> error("internal error", "INTERNAL_ERROR");
        };
    }

    private static String error(String message, String category) {
        return EventJson.MAPPER.createObjectNode().put("status", "error").put("message", message)
                .put("correlationId", java.util.UUID.randomUUID().toString()).put("category", category).toString();
    }

    private static void reply(HttpExchange exchange, int status, String body, Integer retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter.toString());
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
