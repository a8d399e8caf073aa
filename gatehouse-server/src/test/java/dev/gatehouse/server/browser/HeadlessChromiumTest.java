package dev.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The browser the console tests rely on starts, reaches our server on loopback and takes screenshots. */
class HeadlessChromiumTest {

    @TempDir
    Path screenshots;

    @Test
    void loadsAPageFromTheServerAndTakesAScreenshot() throws Exception {
        try (GatehouseServer server = GatehouseServer.start(new ServerSettings("127.0.0.1", 0));
                HeadlessChromium browser = HeadlessChromium.start(screenshots)) {
            browser.driver().get(server.baseUri().resolve("/health").toString());

            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("\"status\":\"ok\"");
            Path shot = browser.screenshot("health");
            assertThat(shot.getFileName().toString()).isEqualTo("01-health.png");
            byte[] png = Files.readAllBytes(shot);
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }
}
