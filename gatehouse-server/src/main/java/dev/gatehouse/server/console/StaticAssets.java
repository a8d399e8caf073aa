package dev.gatehouse.server.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The console's CSS and JavaScript, read from the classpath once at start. Only the files named
 * here are served, so no path a client sends can reach any other resource.
 */
final class StaticAssets {

    private static final String DIRECTORY = "/dev/gatehouse/server/console/static/";
    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> contents;

    StaticAssets() {
        contents = TYPES.keySet().stream().collect(Collectors.toUnmodifiableMap(name -> name, StaticAssets::read));
    }

    void addTo(RoutesConfig routes) {
        routes.get(ConsolePaths.STATIC + "/{file}", this::serve);
    }

    private void serve(Context context) {
        String file = context.pathParam("file");
        byte[] content = contents.get(file);
        if (content == null) {
            context.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("Not found");
            return;
        }
        context.contentType(TYPES.get(file)).result(content);
    }

    private static byte[] read(String name) {
        try (InputStream in = Objects.requireNonNull(StaticAssets.class.getResourceAsStream(DIRECTORY + name),
                () -> "missing console asset " + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
