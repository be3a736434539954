package io.licenseflow.commons.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Streams an export of rows read in keyset order, chunk by chunk, as a JSON array or as CSV (a header row, then one
 * row per item, quoted per RFC 4180, CRLF line ends), so that an export of any size holds one chunk in memory.
 */
public final class StreamedExport {

    public static final String CSV = "text/csv";
    /** CSV for an endpoint that also serves JSON: chosen only when the Accept header prefers it to JSON. */
    public static final String CSV_PREFERRED_LESS = "text/csv;qs=0.5";
    public static final int CHUNK = 500;

    private static final CsvMapper CSV_MAPPER = (CsvMapper) new CsvMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private StreamedExport() {
    }

    /**
     * Every row after {@code start}: {@code chunkAfter} reads up to {@link #CHUNK} rows after a key (null: from the
     * first), {@code keyOf} gives a row's key. At most {@code limit} rows.
     */
    public static <T, K> Multi<T> rows(K start, Function<K, Uni<List<T>>> chunkAfter, Function<T, K> keyOf, int limit) {
        AtomicReference<K> position = new AtomicReference<>(start);
        // whilst: a short chunk is the last, and is still emitted
        return Multi.createBy().repeating().uni(() -> position, p -> chunkAfter.apply(p.get()).invoke(chunk -> {
                    if (!chunk.isEmpty()) {
                        p.set(keyOf.apply(chunk.get(chunk.size() - 1)));
                    }
                })).whilst(chunk -> chunk.size() == CHUNK)
                .onItem().transformToIterable(chunk -> chunk)
                .select().first(limit);
    }

    /**
     * The response body for {@code mediaType}: for application/json the rows themselves, which Quarkus REST streams
     * as a JSON array; for text/csv a header line, then a line per row.
     */
    public static <T> Multi<Object> body(Multi<T> rows, Class<T> type, String mediaType) {
        if (CSV.equals(mediaType)) {
            CsvSchema schema = CSV_MAPPER.schemaFor(type).withLineSeparator("\r\n");
            var writer = CSV_MAPPER.writer(schema);
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(headerLine(schema)),
                    rows.map(row -> write(() -> writer.writeValueAsString(row))));
        }
        return rows.map(Object.class::cast);
    }

    private static String headerLine(CsvSchema schema) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < schema.size(); i++) {
            line.append(i == 0 ? "" : ",").append(schema.columnName(i));
        }
        return line.append("\r\n").toString();
    }

    private interface Writing {
        String write() throws JsonProcessingException;
    }

    private static String write(Writing writing) {
        try {
            return writing.write();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
