package dev.gatehouse.server.api;

import java.util.Map;

/** One IAM or STS action over the domain: authorize through the request, then act. */
@FunctionalInterface
public interface Action {

    /** The result's members by name, in the shapes of the service model. */
    Map<String, ?> perform(ApiRequest request);
}
