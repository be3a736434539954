package io.licenseflow.testing.hostile;

import java.util.Locale;
import java.util.function.Function;

/**
 * The request limits the corpus aims at and just past, read from the service's own configuration so that the test
 * and the service cannot disagree: the documented limits ({@code licenseflow.http.*}) and the HTTP codec's hard caps
 * beyond which only a bare status is possible.
 */
public record CorpusLimits(int maxUriLength, int maxHeaderBytes, int maxHeaderCount, int maxQueryParameters, long maxBodyBytes,
        int maxJsonDepth, int codecLineCap, long codecHeaderCap) {

    /** From configuration values looked up by property name. */
    public static CorpusLimits from(Function<String, String> config) {
        return new CorpusLimits(
                Integer.parseInt(config.apply("licenseflow.http.max-uri-length")),
                Integer.parseInt(config.apply("licenseflow.http.max-header-bytes")),
                Integer.parseInt(config.apply("licenseflow.http.max-header-count")),
                Integer.parseInt(config.apply("licenseflow.http.max-query-parameters")),
                bytes(config.apply("licenseflow.http.max-body-size")),
                Integer.parseInt(config.apply("licenseflow.http.max-json-depth")),
                Integer.parseInt(config.apply("quarkus.http.limits.max-initial-line-length")),
                bytes(config.apply("quarkus.http.limits.max-header-size")));
    }

    /** A Quarkus memory size: a number with an optional K, M or G suffix. */
    static long bytes(String size) {
        String s = size.strip().toUpperCase(Locale.ROOT);
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }
}
