package io.licenseflow.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.commons.optout.OptOutView;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.optout.OptOutSubject;
import io.licenseflow.notification.delivery.Composition.OptOutCheck;
import io.licenseflow.notification.license.LicenseSnapshot;
import io.licenseflow.notification.notice.Notice;
import io.licenseflow.notification.template.Brand;
import io.licenseflow.notification.template.NoticeLocales;
import io.licenseflow.notification.template.NoticeModel;
import io.licenseflow.notification.template.NoticeModel.BrandView;
import io.licenseflow.notification.template.NoticeModel.LicenseFacts;
import io.licenseflow.notification.template.NoticeRenderer;
import io.licenseflow.notification.template.NoticeTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns a due notice into a message: picks the language from the account's locale, decides on opt-outs (lifecycle
 * notices only; docs: notification-service/README.md#opt-outs), opens the key hand-off for key notices, and renders
 * the notice's template version. Dates are written in the notice's language, in UTC.
 */
@ApplicationScoped
public class NoticeComposer {

    private final NoticeRenderer renderer;
    private final KeyHandoffOpener handoffs;
    private final OptOutView optOuts;
    private final Brand brand;

    public NoticeComposer(NoticeRenderer renderer, KeyHandoffOpener handoffs, OptOutView optOuts, Brand brand) {
        this.renderer = renderer;
        this.handoffs = handoffs;
        this.optOuts = optOuts;
        this.brand = brand;
    }

    public Composition compose(NoticeFacts facts) {
        Notice notice = facts.notice();
        NoticeTemplate template = NoticeTemplate.byId(notice.template).orElse(null);
        if (template == null) {
            return new Composition.Unsendable("no template " + notice.template);
        }
        if (facts.recipient() == null) {
            return new Composition.Waiting(Notice.WAITING_FOR_RECIPIENT, "no contact known for the account yet");
        }
        if (needsLicense(template) && facts.license() == null) {
            return new Composition.Waiting(Notice.WAITING_FOR_LICENSE, "the license's details are not known yet");
        }
        if (template.category() == NoticeTemplate.Category.LIFECYCLE && !optOuts.caughtUp()) {
            return new Composition.Deferred("the opt-out view has not read the state topic yet");
        }
        String to = notice.recipientOverride != null ? notice.recipientOverride : facts.recipient().email;
        OptOutCheck optOut = optOutCheck(template, notice.accountId, to);
        if ("suppressed".equals(optOut.decision())) {
            return new Composition.Suppressed(optOut);
        }
        String lang = NoticeLocales.pick(facts.recipient().locale);
        try {
            JsonNode trigger = EventJson.MAPPER.readTree(notice.triggerPayload);
            String unsubscribeUrl = template.category() == NoticeTemplate.Category.LIFECYCLE ? brand.optOutsUrl() : null;
            NoticeModel model = new NoticeModel(BrandView.of(brand), lang, facts.recipient().name, facts.recipient().name,
                    licenseFacts(template, facts, trigger, lang), template.carriesKey() ? handoffs.open(trigger.path("encryptedKey").asText(), notice.licenseId) : null,
                    "REKEYED".equals(trigger.path("reason").asText()), template.carriesKey() ? null : text(trigger, "reason"),
                    date(instant(trigger, "at"), lang), brand.portalUrl(), unsubscribeUrl);
            return new Composition.Ready(to, lang, renderer.render(template, notice.templateVersion, lang, model), unsubscribeUrl, optOut);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Composition.Unsendable("cannot compose the notice: " + e.getMessage());
        }
    }

    private static boolean needsLicense(NoticeTemplate template) {
        return template != NoticeTemplate.ONBOARDING_COMPLETED;
    }

    /**
     * Lifecycle notices are not sent when the account, or the recipient as a user subject (its address as the id), is
     * opted out of marketing-email (by choice, GPC or default); transactional ones are always sent. Either way the
     * account's state version is recorded (or the deciding subject's).
     */
    private OptOutCheck optOutCheck(NoticeTemplate template, UUID accountId, String to) {
        OptOutView.Effective account = optOuts.effective(accountId, OptOutSubject.ACCOUNT, accountId.toString());
        String accountSubject = OptOutSubject.key(accountId, OptOutSubject.ACCOUNT, accountId.toString());
        if (template.category() == NoticeTemplate.Category.TRANSACTIONAL) {
            return new OptOutCheck("not-applicable", accountSubject, account.version());
        }
        if (account.optedOutOf(NoticeTemplate.MARKETING_EMAIL)) {
            return new OptOutCheck("suppressed", accountSubject, account.version());
        }
        OptOutView.Effective person = optOuts.effective(accountId, OptOutSubject.USER, to);
        if (person.optedOutOf(NoticeTemplate.MARKETING_EMAIL)) {
            return new OptOutCheck("suppressed", OptOutSubject.key(accountId, OptOutSubject.USER, to), person.version());
        }
        return new OptOutCheck("allowed", accountSubject, account.version());
    }

    private LicenseFacts licenseFacts(NoticeTemplate template, NoticeFacts facts, JsonNode trigger, String lang) {
        LicenseSnapshot license = facts.license();
        if (license == null) {
            return null;
        }
        Instant expiresAt = switch (template) {
            case LICENSE_EXPIRING -> instant(trigger, "expiresAt");
            case LICENSE_EXPIRED -> instant(trigger, "previousExpiresAt") != null ? instant(trigger, "previousExpiresAt") : instant(trigger, "expiresAt");
            default -> license.expiresAt;
        };
        String typeName = facts.licenseTypeName() != null ? facts.licenseTypeName() : license.licenseType;
        return new LicenseFacts(license.id.toString(), typeName, license.keyPrefix, license.seatLimit, license.seatsUsed,
                date(license.startsAt, lang), date(expiresAt, lang), license.status);
    }

    static String date(Instant instant, String lang) {
        return instant == null ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang)).withZone(ZoneOffset.UTC).format(instant);
    }

    private static Instant instant(JsonNode node, String field) {
        return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
