package io.licenseflow.commons.http;

import io.licenseflow.commons.problem.Problem;
import io.licenseflow.commons.problem.ProblemCode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter the endpoint does not declare is refused ({@code unknown-parameter}), as an unknown body field
 * is: a misspelt {@code limit} should fail loudly, not be silently ignored.
 */
public class DeclaredQueryParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Set<String> known = declared.computeIfAbsent(method, DeclaredQueryParameters::declaredBy);
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters(true).keySet());
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return null;
        }
        String accepted = known.isEmpty() ? "it takes none" : "it takes " + String.join(", ", new TreeSet<>(known));
        return Problem.of(ProblemCode.UNKNOWN_PARAMETER, "unknown query parameter " + String.join(", ", unknown) + "; " + accepted)
                .toResponse();
    }

    private static Set<String> declaredBy(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            addName(parameter, parameter.getName(), names);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        addName(field, field.getName(), names);
                    }
                }
            }
        }
        return Set.copyOf(names);
    }

    private static void addName(AnnotatedElement element, String javaName, Set<String> names) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
        RestQuery restQuery = element.getAnnotation(RestQuery.class);
        if (restQuery != null) {
            names.add(restQuery.value().isEmpty() ? javaName : restQuery.value());
        }
    }
}
