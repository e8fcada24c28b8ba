package io.firecheck.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A wrong type is an error, not a guess: "yes" is not a boolean, "12" is not a number, 2.5 is not a count.
 * Inspection data that is silently coerced would be judged on facts nobody recorded.
 */
@Singleton
public class JacksonStrictness implements ObjectMapperCustomizer {
    /**
     * Nesting of JSON objects and arrays that any body may have; a real document needs 4. A constant, not a
     * setting: the mapper is built before the application's configuration mapping exists.
     */
    public static final int MAX_DEPTH = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        // enforced by the parser as it reads, before any object is built: deep nesting is a 400, not a stack overflow
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxNumberLength(100)
                .build());
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
