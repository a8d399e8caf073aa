package dev.gatehouse.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The house rule for tests that need a program outside the JVM (zbarimg, oathtool): where the
 * program is missing the test is skipped with a loud message, except under {@code CI=true}, where
 * it fails, so that a CI image without the tool cannot pass by testing less.
 *
 * <p>Shared with other modules through this module's test jar.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /**
     * The path of {@code program} on the {@code PATH}; skips the calling test if it is absent,
     * or fails it under {@code CI=true}.
     *
     * @param debianPackage the package that provides it, named in the message
     */
    public static Path require(String program, String debianPackage) {
        return require(program, debianPackage, System.getenv());
    }

    static Path require(String program, String debianPackage, Map<String, String> environment) {
        Optional<Path> found = find(program, environment.getOrDefault("PATH", ""));
        if (found.isPresent()) {
            return found.get();
        }
        String message = program + " is not installed (apt-get install " + debianPackage + ")";
        if ("true".equals(environment.get("CI"))) {
            return fail("CI=true and " + message);
        }
        System.err.println("SKIPPED: " + message + "; the test that needs it is skipped. Under CI=true it fails.");
        Assumptions.abort(message);
        throw new AssertionError("Assumptions.abort always throws");
    }

    static Optional<Path> find(String program, String searchPath) {
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
