package io.licenseflow.portal.services;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns a service's error answer into a {@link ServiceProblem}, reading its problem+json when it sent one. */
public class ServiceProblemMapper implements ResponseExceptionMapper<ServiceProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ServiceProblem toThrowable(Response response) {
        Map<String, Object> body = Map.of();
        try {
            response.bufferEntity();
            String text = response.readEntity(String.class);
            if (text != null && text.startsWith("{")) {
                body = JSON.readValue(text, new TypeReference<>() {
                });
            }
        } catch (RuntimeException | java.io.IOException notProblemJson) {
            // the status alone then
        }
        return ServiceProblem.of(response.getStatus(), body);
    }
}
