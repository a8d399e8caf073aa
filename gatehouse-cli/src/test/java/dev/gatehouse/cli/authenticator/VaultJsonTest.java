package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VaultJsonTest {

    @Test
    void spellsOutEveryFieldOfAnEntry() {
        OtpSecret secret = OtpSecret.fromBase32("JBSWY3DPEHPK3PXP");
        Vault vault = Vault.of(List.of(new VaultEntry("token", KeyUri.hotp("Example", "alice", secret, HmacAlgorithm.SHA256, 8, 5))));

        String json = new String(VaultJson.write(vault), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"entries\":[{\"name\":\"token\",\"type\":\"HOTP\",\"issuer\":\"Example\","
                + "\"account\":\"alice\",\"secret\":\"JBSWY3DPEHPK3PXP\",\"algorithm\":\"SHA256\",\"digits\":8,\"counter\":5}]}");
        assertThat(VaultJson.read(json.getBytes(StandardCharsets.UTF_8)).entries()).isEqualTo(vault.entries());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "{}",
        "{\"entries\":{}}",
        "{\"entries\":[{\"name\":\"a\"}]}",
        "{\"entries\":[{\"name\":\"a\",\"type\":\"TOTP\",\"account\":\"x\",\"secret\":\"JBSWY3DPEHPK3PX!\",\"algorithm\":\"SHA1\",\"digits\":6,\"period\":30}]}",
        "{\"entries\":[{\"name\":\"a\",\"type\":\"TOTP\",\"account\":\"x\",\"secret\":\"JBSWY3DPEHPK3PXP\",\"algorithm\":\"MD5\",\"digits\":6,\"period\":30}]}",
        "{\"entries\":[{\"name\":\"a\",\"type\":\"TOTP\",\"account\":\"x\",\"secret\":\"JBSWY3DPEHPK3PXP\",\"algorithm\":\"SHA1\",\"digits\":\"6\",\"period\":30}]}",
    })
    void refusesContentThatIsNotAListOfValidEntriesWithoutQuotingIt(String json) {
        assertThatThrownBy(() -> VaultJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(VaultFormatException.class)
                .message().startsWith("damaged vault").doesNotContain("JBSWY3DP");
    }
}
