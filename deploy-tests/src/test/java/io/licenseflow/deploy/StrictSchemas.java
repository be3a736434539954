package io.licenseflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Schemas for every kind of object the chart renders and k8s/ holds, made strict: the Kubernetes definitions
 * (deploy/schemas/kubernetes-1.36.json) and the operators' CRDs (deploy/schemas/crds/) with every object closed
 * ({@code additionalProperties: false}) except where Kubernetes itself keeps fields open
 * ({@code x-kubernetes-preserve-unknown-fields}), int-or-string and quantities taking either. An unknown field, a
 * wrong type or a missing required field is a violation; an object of a kind without a schema is one too.
 */
final class StrictSchemas {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /** apiVersion/kind (e.g. apps/v1/Deployment) → its schema. */
    private final Map<String, JsonSchema> byKind = new HashMap<>();
    /** The Kubernetes definitions, closed: the CRDs' metadata is checked against their ObjectMeta. */
    private ObjectNode kubernetesDefinitions;

    private StrictSchemas() {
    }

    static StrictSchemas load(Path schemas) {
        StrictSchemas loaded = new StrictSchemas();
        loaded.loadKubernetes(schemas.resolve("kubernetes-1.36.json"));
        try (Stream<Path> crds = Files.walk(schemas.resolve("crds"))) {
            crds.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().forEach(loaded::loadCrd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    /** What is wrong with {@code object}, as messages naming where; empty when it is valid. */
    List<String> violations(JsonNode object) {
        String kind = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        JsonSchema schema = byKind.get(kind);
        if (schema == null) {
            return List.of(kind + ": no schema for this kind (add its definition or CRD to deploy/schemas)");
        }
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private void loadKubernetes(Path file) {
        JsonNode spec = read(file, JSON);
        ObjectNode definitions = (ObjectNode) spec.get("definitions").deepCopy();
        // A quantity is written as a string or a number ("512Mi", 1); the spec says string.
        definitions.set(QUANTITY, NODES.objectNode().set("anyOf", NODES.arrayNode().add(NODES.objectNode().put("type", "number"))
                .add(NODES.objectNode().put("type", "string"))));
        definitions.properties().forEach(entry -> close(entry.getValue()));
        Set<String> roots = new HashSet<>();
        spec.get("roots").forEach(root -> roots.add(root.asText()));
        for (Map.Entry<String, JsonNode> entry : definitions.properties()) {
            for (JsonNode gvk : entry.getValue().path("x-kubernetes-group-version-kind")) {
                if (!roots.contains(entry.getKey())) {
                    continue;
                }
                String group = gvk.path("group").asText();
                String apiVersion = group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
                ObjectNode root = NODES.objectNode();
                root.put("$ref", "#/definitions/" + entry.getKey());
                root.set("definitions", definitions);
                // The object's own apiVersion and kind must be these (the definitions allow any string).
                requireConstant((ObjectNode) definitions.get(entry.getKey()), apiVersion, gvk.path("kind").asText());
                byKind.put(apiVersion + "/" + gvk.path("kind").asText(), factory().getSchema(root));
            }
        }
        this.kubernetesDefinitions = definitions;
    }

    private void loadCrd(Path file) {
        JsonNode crd = read(file, YAML);
        if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
            return;
        }
        String group = crd.at("/spec/group").asText();
        String kind = crd.at("/spec/names/kind").asText();
        for (JsonNode version : crd.at("/spec/versions")) {
            if (!version.path("served").asBoolean()) {
                continue;
            }
            ObjectNode schema = (ObjectNode) version.at("/schema/openAPIV3Schema").deepCopy();
            close(schema);
            ObjectNode properties = (ObjectNode) schema.with("properties");
            String apiVersion = group + "/" + version.path("name").asText();
            properties.set("apiVersion", NODES.objectNode().put("type", "string"));
            properties.set("kind", NODES.objectNode().put("type", "string"));
            // Some CRDs declare no metadata (Keycloak's): it is Kubernetes' ObjectMeta either way.
            properties.set("metadata", NODES.objectNode().put("$ref", "#/definitions/" + OBJECT_META));
            ObjectNode root = NODES.objectNode();
            root.setAll(schema);
            root.set("definitions", kubernetesDefinitions);
            requireConstant(root, apiVersion, kind);
            byKind.put(apiVersion + "/" + kind, factory().getSchema(root));
        }
    }

    private static void requireConstant(ObjectNode schema, String apiVersion, String kind) {
        ObjectNode properties = (ObjectNode) schema.with("properties");
        properties.set("apiVersion", NODES.objectNode().set("enum", NODES.arrayNode().add(apiVersion)));
        properties.set("kind", NODES.objectNode().set("enum", NODES.arrayNode().add(kind)));
        ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required");
        for (String field : new String[] {"apiVersion", "kind"}) {
            boolean present = false;
            for (JsonNode r : required) {
                present |= r.asText().equals(field);
            }
            if (!present) {
                required.add(field);
            }
        }
    }

    /** Closes every object schema in {@code node} that Kubernetes does not keep open. */
    static void close(JsonNode node) {
        close(node, false);
    }

    /**
     * A branch of oneOf/anyOf/allOf constrains the object its parent describes (e.g. Strimzi's "certificate or
     * pattern"): closing the branch itself would refuse the parent's other properties, so only its insides are closed.
     */
    private static void close(JsonNode node, boolean branch) {
        if (node instanceof ObjectNode object) {
            if ("int-or-string".equals(object.path("format").asText()) || object.path("x-kubernetes-int-or-string").asBoolean()) {
                object.remove(List.of("type", "format", "anyOf"));
                object.set("anyOf", NODES.arrayNode().add(NODES.objectNode().put("type", "integer")).add(NODES.objectNode().put("type", "string")));
            }
            if ("quantity".equals(object.path("format").asText())) {
                object.remove(List.of("type", "format"));
                object.set("anyOf", NODES.arrayNode().add(NODES.objectNode().put("type", "number")).add(NODES.objectNode().put("type", "string")));
            }
            boolean open = object.path("x-kubernetes-preserve-unknown-fields").asBoolean();
            if (object.has("properties") && !object.has("additionalProperties") && !open && !branch) {
                object.put("additionalProperties", false);
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean branches = List.of("oneOf", "anyOf", "allOf").contains(field.getKey()) && field.getValue().isArray();
                if (branches) {
                    field.getValue().forEach(alternative -> close(alternative, true));
                } else {
                    close(field.getValue(), false);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> close(item, false));
        }
    }

    private static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    }

    private static JsonNode read(Path file, ObjectMapper mapper) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
