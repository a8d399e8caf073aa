package dev.gatehouse.cli.authenticator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class VaultTest {

    private static final KeyUri KEY = KeyUri.totp(null, "alice", OtpSecret.generate(), TotpParameters.AWS_DEFAULT);

    @Test
    void listsEntriesByName() {
        Vault vault = Vault.empty().with(new VaultEntry("b", KEY)).with(new VaultEntry("a", KEY));

        assertThat(vault.entries()).extracting(VaultEntry::name).containsExactly("a", "b");
    }

    @Test
    void refusesADuplicateName() {
        Vault vault = Vault.empty().with(new VaultEntry("a", KEY));

        assertThatThrownBy(() -> vault.with(new VaultEntry("a", KEY))).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> Vault.of(List.of(new VaultEntry("a", KEY), new VaultEntry("a", KEY))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void movesAnHotpCounterOn() {
        VaultEntry entry = new VaultEntry("h", KeyUri.hotp(null, "bob", OtpSecret.generate(), HmacAlgorithm.SHA1, 6, 9));
        Vault vault = Vault.empty().with(entry);

        assertThat(vault.replacing(entry.withNextCounter()).require("h").key().counter()).isEqualTo(10);
    }

    @Test
    void refusesBlankPaddedAndControlCharacterNames() {
        assertThatThrownBy(() -> new VaultEntry(" ", KEY)).hasMessageContaining("blank");
        assertThatThrownBy(() -> new VaultEntry(" a", KEY)).hasMessageContaining("white space");
        assertThatThrownBy(() -> new VaultEntry("a\tb", KEY)).hasMessageContaining("control");
        assertThatThrownBy(() -> new VaultEntry("x".repeat(101), KEY)).hasMessageContaining("longer");
        assertThat(new VaultEntry("AWS root (prod) ✓", KEY).name()).isEqualTo("AWS root (prod) ✓");
    }
}
