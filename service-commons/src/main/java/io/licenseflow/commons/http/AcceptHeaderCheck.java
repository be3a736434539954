package io.licenseflow.commons.http;

import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.ProblemCode;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses (406) a request whose Accept header rules out every type the endpoint answers, including by a weight of 0
 * ("application/json;q=0"), which Quarkus REST would otherwise ignore and answer anyway.
 */
public class AcceptHeaderCheck {

    @ServerRequestFilter
    public Response refuseUnacceptable(ContainerRequestContext request, ResourceInfo resource) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        Method method = resource.getResourceMethod();
        if (accept == null || accept.isBlank() || method == null) {
            return null;
        }
        Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : resource.getResourceClass().getAnnotation(Produces.class);
        if (produces == null) {
            return null;
        }
        boolean acceptable = Arrays.stream(produces.value())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(value -> MediaTypes.contentType(value.strip()))
                .anyMatch(type -> type != null && MediaTypes.accepts(accept, type.type(), type.subtype()));
        if (acceptable) {
            return null;
        }
        return Problem.of(ProblemCode.NOT_ACCEPTABLE, "this resource answers " + String.join(", ", produces.value())).toResponse();
    }
}
