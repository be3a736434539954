package io.licenseflow.notification.delivery;

import io.licenseflow.notification.account.Recipient;
import io.licenseflow.notification.license.LicenseSnapshot;
import io.licenseflow.notification.notice.Notice;

/** What a notice is composed from: itself, its account's contact, and its license with its type's name (each may be unknown yet). */
public record NoticeFacts(Notice notice, Recipient recipient, LicenseSnapshot license, String licenseTypeName) {
}
