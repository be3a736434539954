// Progressive enhancement only: every page works without this file (and without htmx).
(function () {
  "use strict";
  function announce(text) {
    var region = document.getElementById("announcer");
    if (region) {
      region.textContent = text;
    }
  }
  // The session ended (the portal answers 499 to htmx and stream requests instead of sending them to Keycloak):
  // loading the page again signs in again.
  function sessionEnded(status) {
    return status === 401 || status === 499;
  }
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (sessionEnded(status)) {
      window.location.reload();
      return;
    }
    announce("That did not work (HTTP " + status + "). Reload the page and try again.");
  });
  document.addEventListener("htmx:sendError", function () {
    announce("The portal cannot be reached. Check your connection and try again.");
  });
  // A live stream that fails may do so because the session ended: ask once, and sign in again if so.
  document.addEventListener("htmx:sseError", function () {
    fetch(window.location.pathname, { method: "HEAD", headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (answer) {
        if (sessionEnded(answer.status)) {
          window.location.reload();
        }
      })
      .catch(function () { /* offline: the stream retries by itself */ });
  });
  // The sign-out form that ends the Keycloak session goes on by itself (it carries the ID token in its body, never in an address).
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-auto-submit]");
    if (form) {
      form.submit();
    }
  });
})();
