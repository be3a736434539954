package io.licenseflow.commons.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * UUIDs in paths and parameters must be written in full (8-4-4-4-12 hex digits, any case). {@link UUID#fromString}
 * alone accepts short groups ("4cf42f8-..." reads as "04cf42f8-..."), so one id would have many spellings.
 */
@Provider
public class CanonicalUuids implements ParamConverterProvider {

    private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The UUID written in full; IllegalArgumentException for anything else. */
    public static UUID parse(String value) {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a UUID in its canonical form");
        }
        return UUID.fromString(value);
    }

    private static final ParamConverter<UUID> STRICT = new ParamConverter<>() {
        @Override
        public UUID fromString(String value) {
            return parse(value);
        }

        @Override
        public String toString(UUID value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == UUID.class ? (ParamConverter<T>) STRICT : null;
    }
}
