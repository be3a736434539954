package io.licenseflow.onboarding.onboarding;

import io.licenseflow.events.onboarding.OnboardingStep;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The funnel counted in the database (three grouped counts), so that a dashboard never pages through onboardings. */
@ApplicationScoped
public class OnboardingFunnel {

    public Uni<FunnelView> now() {
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("select o.status, count(o) from Onboarding o group by o.status", Object[].class).getResultList()
                .chain(byStatus -> session.createSelectionQuery("select c.step, count(c) from StepConfirmation c group by c.step", Object[].class)
                        .getResultList()
                        .chain(confirmed -> session.createSelectionQuery(
                                        "select o.step, count(o) from Onboarding o where o.status in (:open) group by o.step", Object[].class)
                                .setParameter("open", List.of(OnboardingStatus.IN_PROGRESS, OnboardingStatus.STALLED)).getResultList()
                                .map(openAt -> FunnelView.of(FunnelView.counts(OnboardingStatus.class, byStatus),
                                        FunnelView.counts(OnboardingStep.class, confirmed), FunnelView.counts(OnboardingStep.class, openAt))))));
    }
}
