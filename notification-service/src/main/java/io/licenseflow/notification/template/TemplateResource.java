package io.licenseflow.notification.template;

import io.licenseflow.commons.problem.ProblemCode;
import io.licenseflow.commons.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The notice templates, and each rendered from its example (what a customer would receive). */
@Path("/v1/templates")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "oidc")
@Tag(name = "Templates")
public class TemplateResource {

    @Schema(name = "NoticeTemplate")
    public record TemplateView(@Schema(examples = "license-details") String name, @Schema(enumeration = {"transactional", "lifecycle"}) String category,
            int currentVersion, List<Integer> versions, List<String> locales, boolean carriesKey) {
    }

    @Schema(name = "TemplatePreview")
    public record Preview(String template, int version, String locale, String subject, String text, String html) {
    }

    private final NoticeRenderer renderer;
    private final TemplateExamples examples;

    public TemplateResource(NoticeRenderer renderer, TemplateExamples examples) {
        this.renderer = renderer;
        this.examples = examples;
    }

    @GET
    @RolesAllowed({"admin", "operator", "support"})
    @Operation(summary = "Every notice template with its versions and locales")
    public List<TemplateView> list() {
        return Arrays.stream(NoticeTemplate.values()).map(this::view).toList();
    }

    @GET
    @Path("/{name}/preview")
    @RolesAllowed({"admin", "operator", "support"})
    @Operation(summary = "The template rendered from its example (a fictitious customer and key): ?locale=en|de (default en), "
            + "?version= (default the current one)")
    public Preview preview(@PathParam("name") String name, @RestQuery String locale, @RestQuery Integer version) {
        NoticeTemplate template = NoticeTemplate.byId(name).orElseThrow(() -> new ProblemException(ProblemCode.UNKNOWN_TEMPLATE, "no notice template " + name));
        String lang = locale == null ? NoticeLocales.FALLBACK : locale;
        int v = version == null ? template.currentVersion() : version;
        if (!NoticeLocales.SUPPORTED.contains(lang) || v < 1 || v > template.currentVersion() || !renderer.exists(template, v, lang)) {
            throw new ProblemException(ProblemCode.UNKNOWN_TEMPLATE, "no version " + v + " in locale " + lang + " of " + name
                    + " (locales " + NoticeLocales.SUPPORTED + ", versions 1 to " + template.currentVersion() + ")");
        }
        RenderedNotice rendered = renderer.render(template, v, lang, examples.example(template, lang));
        return new Preview(name, v, lang, rendered.subject(), rendered.text(), rendered.html());
    }

    private TemplateView view(NoticeTemplate template) {
        List<Integer> versions = IntStream.rangeClosed(1, template.currentVersion()).boxed().toList();
        return new TemplateView(template.id(), template.category().id(), template.currentVersion(), versions, NoticeLocales.SUPPORTED,
                template.carriesKey());
    }
}
