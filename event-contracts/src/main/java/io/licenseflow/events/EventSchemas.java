package io.licenseflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.licenseflow.events.account.AccountCreated;
import io.licenseflow.events.licensetype.LicenseTypePublished;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an event (envelope and payload) against the published JSON Schemas. Product backends can use it
 * to check what they receive; our tests use it to check what we publish.
 */
public final class EventSchemas {

    /** Event type and schema version → payload schema resource. One row per published contract. */
    private static final Map<String, String> PAYLOAD_SCHEMAS = Map.ofEntries(
            schema(AccountCreated.TYPE, AccountCreated.SCHEMA_VERSION, "account-created"),
            schema(LicenseTypePublished.TYPE, LicenseTypePublished.SCHEMA_VERSION, "license-type-published"));

    private static final String ENVELOPE_SCHEMA = "schemas/envelope.v1.json";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** Returns the violations, empty when the event matches its contract. */
    public static List<String> violations(JsonNode event) {
        List<String> problems = new ArrayList<>(validate(ENVELOPE_SCHEMA, event));
        if (!problems.isEmpty()) {
            return problems;
        }
        String schema = PAYLOAD_SCHEMAS.get(key(event.get("type").asText(), event.get("schemaVersion").asInt()));
        if (schema == null) {
            problems.add("no published schema for " + event.get("type").asText() + " v" + event.get("schemaVersion").asInt());
            return problems;
        }
        problems.addAll(validate(schema, event.get("payload")).stream().map(p -> "payload: " + p).toList());
        return problems;
    }

    public static List<String> violations(EventEnvelope event) {
        return violations(EventJson.MAPPER.valueToTree(event));
    }

    private static List<String> validate(String resource, JsonNode node) {
        return LOADED.computeIfAbsent(resource, EventSchemas::load).validate(node).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static JsonSchema load(String resource) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return FACTORY.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map.Entry<String, String> schema(String type, int version, String file) {
        return Map.entry(key(type, version), "schemas/" + file + ".v" + version + ".json");
    }

    private static String key(String type, int version) {
        return type + "/v" + version;
    }
}
