package dev.gatehouse.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts and times API requests by service, action and outcome (the AWS error code, or
 * {@code Success}). Action names come from the models, so the number of series stays bounded:
 * an action no model knows is counted as {@code unknown}.
 */
public final class ApiMetrics {

    private final MeterRegistry registry;
    private final Set<String> knownActions;
    // Timer lookup by tags costs a few allocations; requests repeat the same few combinations.
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    public ApiMetrics(MeterRegistry registry, Set<String> knownActions) {
        this.registry = registry;
        this.knownActions = Set.copyOf(knownActions);
    }

    public void record(String service, String action, String outcome, Duration duration) {
        String boundedAction = action != null && knownActions.contains(action) ? action : "unknown";
        String boundedService = service == null ? "unknown" : service;
        timers.computeIfAbsent(boundedService + '\n' + boundedAction + '\n' + outcome,
                key -> Timer.builder("gatehouse.api.requests")
                        .description("API requests by service, action and outcome")
                        .tag("service", boundedService)
                        .tag("action", boundedAction)
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .register(registry))
                .record(duration);
    }
}
