package io.licenseflow.portal.services;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.licenseflow.portal.errors.PageRefusal;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns a service's error answer into a {@link PageRefusal}, reading its problem+json when it sent one. */
public class ServiceRefusals implements ResponseExceptionMapper<PageRefusal> {

    /** The REST client makes this provider itself (no CDI): a plain mapper for the small problem bodies. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public PageRefusal toThrowable(Response response) {
        Map<String, Object> body = Map.of();
        try {
            response.bufferEntity();
            String text = response.readEntity(String.class);
            if (text != null && text.startsWith("{")) {
                body = JSON.readValue(text, new TypeReference<>() {
                });
            }
        } catch (RuntimeException | IOException notProblemJson) {
            // the status alone then
        }
        return PageRefusal.fromService(response.getStatus(), body);
    }
}
