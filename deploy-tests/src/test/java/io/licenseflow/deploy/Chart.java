package io.licenseflow.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart deploy/helm/licenseflow, rendered with real Helm (helm-java: Helm's own Go code through JNA). */
final class Chart {

    static final Path ROOT = Path.of(System.getProperty("licenseflow.root", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("deploy/helm/licenseflow");
    static final Path SCHEMAS = ROOT.resolve("deploy/schemas");

    private Chart() {
    }

    /** The objects the chart renders with its defaults, then a value file of its ci/ folder (or none) and {@code set}. */
    static List<JsonNode> render(String valueSet, Map<String, Object> set) {
        TemplateCommand template = new Helm(CHART).template().withName("licenseflow").withNamespace("licenseflow");
        if (valueSet != null) {
            template = template.withValuesFile(CHART.resolve("ci").resolve(valueSet + "-values.yaml"));
        }
        for (Map.Entry<String, Object> value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return documents(template.call());
    }

    static List<JsonNode> documents(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = StrictSchemas.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static String name(JsonNode object) {
        return object.path("kind").asText() + "/" + object.at("/metadata/name").asText();
    }
}
