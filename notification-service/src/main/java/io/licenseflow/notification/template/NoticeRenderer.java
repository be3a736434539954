package io.licenseflow.notification.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a notice from its template's version and locale: {@code <locale>.txt} gives the subject (its hidden
 * {@code subject} fragment) and the plain-text part, {@code <locale>.html} the HTML part (Qute escapes every value).
 */
@ApplicationScoped
public class NoticeRenderer {

    private final Engine engine;

    public NoticeRenderer(Engine engine) {
        this.engine = engine;
    }

    public RenderedNotice render(NoticeTemplate template, int version, String locale, NoticeModel model) {
        String base = "notices/" + template.id() + "/v" + version + "/" + locale;
        Template text = template(base + ".txt");
        Template html = template(base + ".html");
        String subject = text.getFragment("subject").data(model).render().strip().replaceAll("\\s+", " ");
        return new RenderedNotice(subject, text.data(model).render().strip() + "\n", html.data(model).render());
    }

    /** Whether this version and locale of the template exist. */
    public boolean exists(NoticeTemplate template, int version, String locale) {
        String base = "notices/" + template.id() + "/v" + version + "/" + locale;
        return engine.getTemplate(base + ".txt") != null && engine.getTemplate(base + ".html") != null;
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no template " + id);
        }
        return template;
    }
}
