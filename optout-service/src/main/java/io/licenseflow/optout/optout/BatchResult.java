package io.licenseflow.optout.optout;

import java.util.List;

/** The answer to a batch: each change's result in request order, and each touched subject's state after it. */
public record BatchResult(List<ChangeResult> results, List<SubjectStateView> subjects) {
}
