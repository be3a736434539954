package io.licenseflow.onboarding.onboarding;

import io.licenseflow.commons.paging.Page;
import io.licenseflow.commons.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Onboardings with their confirmed steps, for the API. Runs in the caller's session. */
@ApplicationScoped
public class OnboardingReads {

    public Uni<OnboardingView> byId(UUID id) {
        return Onboarding.<Onboarding>findById(id).chain(this::view);
    }

    public Uni<OnboardingView> byAccount(UUID accountId) {
        return Onboarding.<Onboarding>find("accountId", accountId).firstResult().chain(this::view);
    }

    public Uni<Page<OnboardingView>> list(String where, Map<String, Object> parameters, PageRequest page) {
        return Page.of(Onboarding.class, where, parameters, page, o -> o.createdAt, o -> o.id, o -> o)
                .chain(onboardings -> {
                    List<UUID> ids = onboardings.items().stream().map(o -> o.id).toList();
                    return (ids.isEmpty() ? Uni.createFrom().item(List.<StepConfirmation>of())
                            : StepConfirmation.<StepConfirmation>list("onboardingId in ?1", ids))
                            .map(all -> {
                                Map<UUID, List<StepConfirmation>> byOnboarding = all.stream().collect(Collectors.groupingBy(c -> c.onboardingId));
                                return new Page<>(onboardings.items().stream()
                                        .map(o -> OnboardingView.of(o, byOnboarding.getOrDefault(o.id, List.of()))).toList(), onboardings.next());
                            });
                });
    }

    private Uni<OnboardingView> view(Onboarding onboarding) {
        if (onboarding == null) {
            return Uni.createFrom().nullItem();
        }
        return StepConfirmation.<StepConfirmation>list("onboardingId", onboarding.id).map(steps -> OnboardingView.of(onboarding, steps));
    }
}
