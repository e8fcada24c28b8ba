package io.firecheck.inspection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Binds a body straight from its bytes to an {@link InspectionDocument}, one parse, accepting only what
 * {@link JsonShape} accepts and giving the values the tree-then-bind path gives: a value of another shape
 * (a number for a date, "" for a list, a whole number for an enum...) fails here instead of being coerced, and
 * {@link DocumentReader} then reads that body the long way, which names every problem. So this is only a shortcut
 * for valid documents; what is accepted, and every answer to one that is not, stays the tree path's.
 */
final class StrictBinding {
    private final ObjectReader reader;

    StrictBinding(ObjectMapper mapper) {
        ObjectMapper strict = mapper.copy();
        strict.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("strict-inspection-document");
        module.addDeserializer(String.class, scalar(String.class, p -> {
            String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
            return text != null && text.indexOf('\0') < 0 ? text : null;
        }));
        module.addDeserializer(Boolean.class, scalar(Boolean.class, p -> switch (p.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        }));
        module.addDeserializer(Integer.class, scalar(Integer.class, p -> p.currentToken() == JsonToken.VALUE_NUMBER_INT
                && p.getNumberType() == JsonParser.NumberType.INT ? p.getIntValue() : null));
        module.addDeserializer(BigDecimal.class, scalar(BigDecimal.class, StrictBinding::decimal));
        module.addDeserializer(LocalDate.class, scalar(LocalDate.class, p -> {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            try {
                return LocalDate.parse(p.getText());
            } catch (DateTimeParseException e) {
                return null;
            }
        }));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription beanDesc,
                                                              JsonDeserializer<?> deserializer) {
                Object[] constants = type.getRawClass().getEnumConstants();
                return scalar(Object.class, p -> {
                    String text = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
                    for (Object c : constants) {
                        if (c.toString().equals(text)) {
                            return c;
                        }
                    }
                    return null;
                });
            }
        });
        strict.registerModule(module);
        this.reader = strict.readerFor(InspectionDocument.class);
    }

    /** The document in body[offset, offset + length), or null when anything in it is not what the tree path would accept as it is. */
    InspectionDocument bind(byte[] body, int offset, int length) {
        try {
            return reader.readValue(body, offset, length);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What the tree path gives: a fraction read as a double first (its DoubleNode), a whole number exactly. */
    private static BigDecimal decimal(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            double d = p.getDoubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            return null;
        }
        return switch (p.getNumberType()) {
            case INT -> BigDecimal.valueOf(p.getIntValue());
            case LONG -> BigDecimal.valueOf(p.getLongValue());
            default -> new BigDecimal(p.getBigIntegerValue());
        };
    }

    private interface Read<T> {
        T from(JsonParser p) throws IOException;
    }

    /** A value of exactly one JSON shape; anything else (null from {@code read}) stops the bind. */
    private static <T> JsonDeserializer<T> scalar(Class<T> type, Read<T> read) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                T value = read.from(p);
                if (value == null) {
                    throw new NotStrict();
                }
                return value;
            }
        };
    }

    /** Thrown to leave the shortcut; never seen outside this class. */
    private static final class NotStrict extends IOException {
        NotStrict() {
            super(null, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
