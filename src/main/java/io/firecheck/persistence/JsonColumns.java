package io.firecheck.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writing values to, and reading them from, the JSON columns the service itself wrote. A row may have been
 * written by an older version whose records had fields since removed: reading skips those rather than
 * failing, so stored evaluations, orders and reload history stay readable across releases.
 */
public final class JsonColumns {
    private JsonColumns() {
    }

    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a readable " + type.getSimpleName(), e);
        }
    }

    /** A stored list or other generic value; null stays null (a column the writer left empty). */
    public static <T> T read(ObjectMapper mapper, String json, TypeReference<T> type) {
        try {
            return json == null ? null
                    : mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable as " + type.getType(), e);
        }
    }
}
