package dev.gatehouse.server.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The console's JTE templates (src/main/jte), compiled into classes at build time, so the
 * server needs no compiler and a template error is a build error. HTML content type: every
 * {@code ${...}} is escaped for where it stands.
 */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        return output.toString();
    }
}
