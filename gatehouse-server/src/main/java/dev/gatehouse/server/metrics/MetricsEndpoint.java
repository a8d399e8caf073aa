package dev.gatehouse.server.metrics;

import dev.gatehouse.server.Endpoints;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.javalin.config.RoutesConfig;

/** {@code GET /metrics}: everything the registry holds, in Prometheus' text format. */
public final class MetricsEndpoint implements Endpoints {

    private final PrometheusMeterRegistry registry;

    public MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", context -> context
                .contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
    }
}
