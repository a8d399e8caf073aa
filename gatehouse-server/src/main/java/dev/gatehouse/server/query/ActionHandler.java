package dev.gatehouse.server.query;

import java.util.Map;

/** One API action: validated input in, the result's members out (see {@link XmlResponseWriter}). */
@FunctionalInterface
public interface ActionHandler<P> {

    Map<String, ?> handle(ActionContext<P> context, QueryInput input);
}
