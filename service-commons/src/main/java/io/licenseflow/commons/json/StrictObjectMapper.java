package io.licenseflow.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.licenseflow.commons.input.RequestLimits;
import io.quarkus.arc.All;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ObjectMapper every service reads request bodies with (it replaces Quarkus' default one; Quarkus' customizers,
 * and so the {@code quarkus.jackson.*} settings, still apply). Strict by design, so that what a client sends is what
 * it meant: no duplicate keys, no trailing content, no type coercion ("1" is not 1, 1 is not "1", 1.5 is not an
 * integer, 0 is not an enum constant), nesting and number sizes bounded.
 */
@Singleton
public class StrictObjectMapper {

    @Produces
    @Singleton
    ObjectMapper objectMapper(@All List<ObjectMapperCustomizer> customizers, RequestLimits limits) {
        StrictJsonFactory factory = new StrictJsonFactory();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        long maxBody = limits.maxBodySize().asLongValue();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxNumberLength(64)
                .maxNameLength(256)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBody))
                .maxDocumentLength(maxBody)
                .build());
        ObjectMapper mapper = new ObjectMapper(factory);
        List<ObjectMapperCustomizer> ordered = new ArrayList<>(customizers);
        Collections.sort(ordered);
        ordered.forEach(customizer -> customizer.customize(mapper));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // Each type accepts its own JSON shape only.
        fail(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        fail(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        fail(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Boolean);
        fail(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString, CoercionInputShape.Integer,
                CoercionInputShape.Float);
        fail(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
        return mapper;
    }

    private static void fail(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}
