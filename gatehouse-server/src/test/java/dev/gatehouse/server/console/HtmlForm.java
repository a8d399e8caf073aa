package dev.gatehouse.server.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A form of a page as a browser would submit it: its action and the values of its fields
 * (hidden ones included, so the CSRF token goes along), which a test fills in.
 */
public final class HtmlForm {

    private final String action;
    private final Map<String, String> fields = new LinkedHashMap<>();

    private HtmlForm(String action) {
        this.action = action;
    }

    /** The form matched by {@code selector} (e.g. {@code form#root-signin}, {@code form[action$=/signout]}). */
    public static HtmlForm of(Document page, String selector) {
        Element form = Objects.requireNonNull(page.selectFirst(selector), () -> "no form " + selector + " in\n" + page);
        HtmlForm parsed = new HtmlForm(form.attr("action"));
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String type = input.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                continue;
            }
            parsed.fields.put(input.attr("name"), input.is("select")
                    ? input.select("option[selected]").eachAttr("value").stream().findFirst().orElse("") : input.val());
        }
        return parsed;
    }

    public HtmlForm set(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public HtmlForm remove(String name) {
        fields.remove(name);
        return this;
    }

    public String action() {
        return action;
    }

    public String get(String name) {
        return fields.get(name);
    }

    public Map<String, String> fields() {
        return Map.copyOf(fields);
    }
}
