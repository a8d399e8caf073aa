package dev.gatehouse.server.query;

import java.util.Map;

/**
 * One AWS service on the query endpoint: its signing name, its model and the actions Gatehouse
 * implements.
 */
public record QueryService<P>(String signingName, ServiceModel model, Map<String, ActionHandler<P>> actions) {

    public QueryService {
        actions = Map.copyOf(actions);
        for (String action : actions.keySet()) {
            if (model.operation(action).isEmpty()) {
                throw new IllegalArgumentException(model.serviceId() + " has no operation " + action);
            }
        }
    }
}
