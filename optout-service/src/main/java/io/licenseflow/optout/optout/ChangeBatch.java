package io.licenseflow.optout.optout;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One or many changes, applied together or not at all. */
public record ChangeBatch(
        @Schema(description = "At most licenseflow.optout.max-bulk (100) changes") @NotNull @NotEmpty List<@Valid @NotNull ChangeRequest> changes,
        @Schema(description = "api (default), portal, admin or import; who may claim which: docs/optout.md#who-may-do-what",
                enumeration = {"api", "portal", "admin", "import"}) @Pattern(regexp = "api|portal|admin|import",
                message = "must be api, portal, admin or import") String source) {
}
