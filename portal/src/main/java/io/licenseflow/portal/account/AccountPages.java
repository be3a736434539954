package io.licenseflow.portal.account;

import io.licenseflow.portal.errors.PageRefusal;
import io.licenseflow.portal.services.Ids;
import io.licenseflow.portal.session.PortalUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may see an account's pages: its own customer admins and the vendor's admins and operators. Checked before any
 * call, so that a page of another account is refused plainly (the services would refuse it too).
 */
@RequestScoped
class AccountPages {

    @Inject
    PortalUser user;

    void check(String accountId) {
        if (!Ids.isCanonicalUuid(accountId)) {
            throw PageRefusal.notFound("There is no account at this address.");
        }
        if (!user.maySeeAccount(accountId)) {
            throw new PageRefusal(403, "not-your-account", "You do not have access to this page",
                    "This page belongs to an account your sign-in does not cover.");
        }
    }
}
