package io.licenseflow.testing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.licenseflow.events.EventJson;
import io.licenseflow.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Follows onboardings on licenseflow.onboarding.events, as a product backend would: each OnboardingProgressed completes
 * the step's future with its payload (whose {@code at} is when onboarding-service persisted the step), an
 * OnboardingFailed fails every future of that onboarding.
 */
final class OnboardingWatch implements AutoCloseable {

    private final Map<String, CompletableFuture<JsonNode>> steps = new ConcurrentHashMap<>();
    private final TopicTail tail;

    OnboardingWatch() throws InterruptedException {
        tail = TopicTail.follow(Topics.ONBOARDING_EVENTS, this::apply);
    }

    /** The OnboardingProgressed payload of {@code step}, once it arrives. */
    JsonNode await(String onboardingId, String step) throws Exception {
        return future(onboardingId, step).get(2, TimeUnit.MINUTES);
    }

    private CompletableFuture<JsonNode> future(String onboardingId, String step) {
        return steps.computeIfAbsent(onboardingId + "/" + step, k -> new CompletableFuture<>());
    }

    private void apply(ConsumerRecord<String, String> record) {
        var event = EventJson.read(record.value());
        String onboardingId = event.payload().path("onboardingId").asText();
        switch (event.type()) {
            case "OnboardingProgressed" -> future(onboardingId, event.payload().path("step").asText()).complete(event.payload());
            case "OnboardingFailed" -> {
                var failure = new IllegalStateException("onboarding " + onboardingId + " failed: " + event.payload());
                for (String step : List.of("KEY_ASSIGNED", "ACTIVATED", "USAGE_VERIFIED", "COMPLETED")) {
                    future(onboardingId, step).completeExceptionally(failure);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
