package io.licenseflow.commons.ratelimit;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Puts the RateLimit and RateLimit-Policy fields of an admitted request on its answer. */
public class RateLimitHeaders {

    @ServerResponseFilter
    public void addRateLimitFields(ContainerResponseContext response) {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return;
        }
        Map<String, String> headers = context.getLocal(RateLimiter.HEADERS_KEY);
        if (headers != null && !response.getHeaders().containsKey("RateLimit")) {
            headers.forEach(response.getHeaders()::putSingle);
        }
    }
}
