package io.licenseflow.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.licenseflow.notification.delivery.Composition;
import io.licenseflow.notification.delivery.NoticeComposer;
import io.licenseflow.notification.delivery.NoticeFacts;
import io.licenseflow.testing.WithLocalStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template version in every locale, rendered from its example event ({@link ExampleEvents}) through the service's
 * composer as a real notice would be, is exactly its golden files
 * ({@code src/test/resources/golden/<template>/v<version>/<locale>.subject|txt|html}), and says what it must. A change to
 * a template shows in the golden files' diff: {@code -Dgolden.update=true} rewrites them, for review with the change.
 */
@QuarkusTest
@WithLocalStack(database = "notification", mail = true)
class TemplateGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Inject
    NoticeComposer composer;

    static Stream<Arguments> templates() {
        List<Arguments> all = new ArrayList<>();
        for (NoticeTemplate template : NoticeTemplate.values()) {
            for (int version = 1; version <= template.currentVersion(); version++) {
                for (String locale : NoticeLocales.SUPPORTED) {
                    all.add(Arguments.of(template, version, locale));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} v{1} {2}")
    @MethodSource("templates")
    void renders_its_golden_files(NoticeTemplate template, int version, String locale) throws IOException {
        RenderedNotice rendered = fromExampleEvent(template, version, locale);
        Path dir = GOLDEN.resolve(template.id()).resolve("v" + version);
        matches(dir.resolve(locale + ".subject"), rendered.subject() + "\n");
        matches(dir.resolve(locale + ".txt"), rendered.text());
        matches(dir.resolve(locale + ".html"), rendered.html());
    }

    @ParameterizedTest(name = "{0} v{1} {2}")
    @MethodSource("templates")
    void says_what_it_must(NoticeTemplate template, int version, String locale) {
        RenderedNotice rendered = fromExampleEvent(template, version, locale);
        for (String part : List.of(rendered.text(), rendered.html())) {
            assertThat(part).contains("Acme Software", "support@acme.example", "1 Example Street").doesNotContain("{", "NOT_FOUND", "null");
            if (template.carriesKey()) {
                assertThat(part).as("the key").contains(TemplateExamples.EXAMPLE_KEY);
            } else {
                assertThat(part).as("no key").doesNotContain(TemplateExamples.EXAMPLE_KEY);
            }
            if (template.category() == NoticeTemplate.Category.LIFECYCLE) {
                assertThat(part).as("how to stop these").contains("http://localhost:8085/optouts");
            } else {
                assertThat(part).as("the license's page").contains("LF-7Q2M");
            }
        }
        assertThat(rendered.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + locale + "\">", "<title>" + rendered.subject().replace("&", "&amp;"));
        assertThat(rendered.subject()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void every_template_file_belongs_to_a_template_of_the_catalogue() throws IOException {
        Path templates = Path.of("src/main/resources/templates/notices");
        try (Stream<Path> files = Files.walk(templates)) {
            List<String> unknown = files.filter(Files::isRegularFile).map(f -> templates.relativize(f).toString())
                    .filter(f -> !f.startsWith("_layout/"))
                    .filter(f -> NoticeTemplate.byId(f.substring(0, f.indexOf('/'))).isEmpty()).toList();
            assertThat(unknown).isEmpty();
        }
    }

    @Test
    void the_readme_shows_each_template_as_it_renders() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (NoticeTemplate template : NoticeTemplate.values()) {
            Path golden = GOLDEN.resolve(template.id()).resolve("v" + template.currentVersion());
            assertThat(readme).as("README.md on %s (regenerate its examples from the golden files)", template.id())
                    .contains("### " + template.id())
                    .contains("```text\n" + Files.readString(golden.resolve("en.txt")).stripTrailing() + "\n```")
                    .contains("**Subject:** " + Files.readString(golden.resolve("en.subject")).strip());
        }
    }

    private RenderedNotice fromExampleEvent(NoticeTemplate template, int version, String locale) {
        Composition composed = composer.compose(new NoticeFacts(ExampleEvents.notice(template, version), ExampleEvents.recipient(locale),
                ExampleEvents.license(), "Team (annual)"));
        assertThat(composed).as("%s composed from its example event", template).isInstanceOf(Composition.Ready.class);
        return ((Composition.Ready) composed).rendered();
    }

    private static void matches(Path golden, String actual) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file %s (-Dgolden.update=true writes it)", golden).exists();
        assertThat(actual).as("%s", golden).isEqualTo(Files.readString(golden));
    }
}
