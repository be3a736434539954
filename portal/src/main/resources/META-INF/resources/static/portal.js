// Progressive enhancement only: every page works without this file (and without htmx).
(function () {
  "use strict";
  function announce(text) {
    var region = document.getElementById("announcer");
    if (!region) {
      region = document.createElement("p");
      region.id = "announcer";
      region.className = "announcer";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    region.textContent = text;
  }
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status === 401 || status === 499) {
      // The session ended: load the page again, which signs in again.
      window.location.reload();
      return;
    }
    announce("That did not work (HTTP " + status + "). Reload the page and try again.");
  });
  // The sign-out form that ends the Keycloak session goes on by itself (it carries the ID token in its body, never in an address).
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-auto-submit]");
    if (form) {
      form.submit();
    }
  });
  document.addEventListener("htmx:sendError", function () {
    announce("The portal cannot be reached. Check your connection and try again.");
  });
})();
