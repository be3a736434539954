package io.licenseflow.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One operation of a service's OpenAPI document, with what the corpus needs to aim at it: its parameters, and a
 * plausible body (the document's example, or one made from the schema) that each hostile case spoils in one way.
 */
record ApiOperation(String method, String path, List<Parameter> pathParameters, List<Parameter> queryParameters,
        List<Parameter> headerParameters, JsonNode bodySchema, JsonNode exampleBody, boolean secured) {

    record Parameter(String name, JsonNode schema) {
    }

    /** A body field: its path from the root object and its (resolved) schema. */
    record Field(List<String> path, JsonNode schema) {

        String name() {
            return String.join(".", path);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static List<ApiOperation> all(JsonNode openApi) {
        List<ApiOperation> operations = new ArrayList<>();
        boolean securedByDefault = openApi.has("security") && !openApi.get("security").isEmpty();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = methods.next();
                String method = entry.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode op = entry.getValue();
                List<Parameter> pathParams = new ArrayList<>();
                List<Parameter> queryParams = new ArrayList<>();
                List<Parameter> headerParams = new ArrayList<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                op.path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode p = resolve(openApi, parameter);
                    Parameter param = new Parameter(p.path("name").asText(), resolve(openApi, p.path("schema")));
                    switch (p.path("in").asText()) {
                        case "path" -> pathParams.add(param);
                        case "query" -> queryParams.add(param);
                        case "header" -> headerParams.add(param);
                        default -> { }
                    }
                }
                JsonNode json = resolve(openApi, op.path("requestBody")).path("content").path("application/json");
                JsonNode schema = json.isMissingNode() ? null : resolve(openApi, json.path("schema"));
                JsonNode example = json.isMissingNode() ? null : example(openApi, json, schema);
                boolean secured = op.has("security") ? !op.get("security").isEmpty() : securedByDefault;
                operations.add(new ApiOperation(method, path.getKey(), pathParams, queryParams, headerParams, schema, example, secured));
            }
        }
        return operations;
    }

    String name() {
        return method + " " + path;
    }

    /** The path with every parameter replaced by a value that names nothing that exists. */
    String pathWith(String parameter, String rawValue) {
        String result = path;
        for (Parameter p : pathParameters) {
            result = result.replace("{" + p.name() + "}", p.name().equals(parameter) ? rawValue : nonexistent(p.schema()));
        }
        return result;
    }

    /** The body fields the corpus spoils one at a time: top-level ones and those of nested objects. */
    List<Field> fields(JsonNode openApi) {
        List<Field> fields = new ArrayList<>();
        if (bodySchema != null) {
            collect(openApi, bodySchema, List.of(), fields, 0);
        }
        return fields;
    }

    private static void collect(JsonNode openApi, JsonNode schema, List<String> prefix, List<Field> out, int depth) {
        for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode resolved = resolve(openApi, property.getValue());
            List<String> path = new ArrayList<>(prefix);
            path.add(property.getKey());
            out.add(new Field(List.copyOf(path), resolved));
            if (depth < 1 && resolved.has("properties")) {
                collect(openApi, resolved, path, out, depth + 1);
            }
        }
    }

    static String nonexistent(JsonNode schema) {
        String type = schema == null ? "string" : schema.path("type").asText("string");
        if (schema != null && "uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        return switch (type) {
            case "integer", "number" -> "987654321";
            default -> "nonexistent-" + UUID.randomUUID().toString().substring(0, 8);
        };
    }

    static JsonNode resolve(JsonNode openApi, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = openApi.at(ref.substring(1));
        }
        if (current != null && current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(openApi, current.get("allOf").get(0));
        }
        return current;
    }

    private static JsonNode example(JsonNode openApi, JsonNode content, JsonNode schema) {
        if (content.has("example")) {
            return content.get("example");
        }
        for (JsonNode example : content.path("examples")) {
            JsonNode resolved = resolve(openApi, example);
            if (resolved.has("value")) {
                return resolved.get("value");
            }
        }
        return schema == null ? NODES.objectNode() : generate(openApi, schema, 0);
    }

    private static JsonNode generate(JsonNode openApi, JsonNode schema, int depth) {
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText("object");
        switch (type) {
            case "string":
                return NODES.textNode(switch (schema.path("format").asText()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "email" -> "hostile@corpus.example.com";
                    case "date-time" -> "2030-01-01T00:00:00Z";
                    case "date" -> "2030-01-01";
                    case "uri", "url" -> "https://corpus.example.com/";
                    default -> "corpus";
                });
            case "integer":
                return NODES.numberNode(schema.path("minimum").asLong(1));
            case "number":
                return NODES.numberNode(schema.path("minimum").asDouble(1.0));
            case "boolean":
                return NODES.booleanNode(false);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4 && schema.path("minItems").asInt(0) > 0) {
                    array.add(generate(openApi, resolve(openApi, schema.path("items")), depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = properties.next();
                        object.set(property.getKey(), generate(openApi, resolve(openApi, property.getValue()), depth + 1));
                    }
                }
                return object;
            }
        }
    }

    static String toJson(JsonNode node) {
        try {
            return new ObjectMapper().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
