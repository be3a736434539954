package io.licenseflow.commons.input;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * The documented request limits (docs/errors.md). Their values live in the shared
 * {@code microprofile-config.properties}; the HTTP codec's own hard caps are set above them there, so that what
 * exceeds these limits by a fair margin still gets a problem+json answer.
 */
@StaticInitSafe // the ObjectMapper, which reads the JSON limits, is built during static initialisation
@ConfigMapping(prefix = "licenseflow.http")
public interface RequestLimits {

    /** Longest request target (path and query, as sent) in characters; longer gets 414. */
    int maxUriLength();

    /** Most bytes of header names and values together; more gets 431. */
    int maxHeaderBytes();

    /** Most header fields; more gets 431. */
    int maxHeaderCount();

    /** Most query parameters; more gets 400. */
    int maxQueryParameters();

    /** Largest request body; larger gets 413. The same value caps what the HTTP layer reads of a chunked body. */
    MemorySize maxBodySize();

    /** Deepest nesting of JSON arrays and objects in a body. */
    int maxJsonDepth();
}
