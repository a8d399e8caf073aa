package dev.gatehouse.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.MfaDevice;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.sts.IssuedSessionCredentials;
import dev.gatehouse.core.sts.SessionCredentials;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.testing.InMemoryStore;
import dev.gatehouse.core.user.AccessKey;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.otp.OtpSecret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRotationServiceTest {

    @TempDir
    Path data;

    @Test
    void reencryptsEverySecretUnderTheNewKey() {
        MasterKeySource source = new MasterKeySource(Map.of(), data, new SecureRandom());
        KeyRing ring = source.load();
        Gatehouse gatehouse = new Gatehouse(new InMemoryStore(), new SecretCipher(ring));
        Account account = gatehouse.accounts.createAccount("root@example.com", null, "Correct-Horse-7");
        NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("phone"), Tags.NONE, Origin.LOCAL);
        NewAccessKey key = gatehouse.accessKeys.createAccessKey(account.root(), Origin.LOCAL);
        IssuedSessionCredentials session = gatehouse.sessionTokens.issue(account.root(), key.key().id().value(),
                Optional.empty(), Optional.empty(), Optional.empty(), Origin.LOCAL);

        KeyRotationService.Rotation rotation = new KeyRotationService(gatehouse.store, gatehouse.audit)
                .rotate(source, Origin.LOCAL);

        assertThat(rotation.currentKeyId()).isNotEqualTo(ring.current().id());
        assertThat(rotation.mfaSeeds()).isEqualTo(1);
        assertThat(rotation.accessKeySecrets()).isEqualTo(1);
        assertThat(rotation.sessionSecrets()).isEqualTo(1);
        MfaDevice stored = gatehouse.mfaDevices.getMfaDevice(account.id(), device.device().serial());
        assertThat(stored.seed().keyId()).isEqualTo(rotation.currentKeyId());
        assertThat(OtpSecret.of(rotation.cipher().open(stored.seed(), stored.rowIdentity()))).isEqualTo(device.seed());
        List<AccessKey> keys = gatehouse.accessKeys.listAccessKeys(account.root());
        assertThat(keys.get(0).sealedSecret().keyId()).isEqualTo(rotation.currentKeyId());
        SecretCipher onlyTheNewKey = new SecretCipher(KeyRing.of(source.load().current()));
        assertThat(new String(onlyTheNewKey.open(keys.get(0).sealedSecret(), key.key().id().rowIdentity()),
                StandardCharsets.US_ASCII)).isEqualTo(key.secret().reveal());
        SessionCredentials storedSession = gatehouse.store.read(
                store -> store.sessionCredentials().find(session.accessKeyId())).orElseThrow();
        assertThat(storedSession.sealedSecret().keyId()).isEqualTo(rotation.currentKeyId());
        assertThat(new String(onlyTheNewKey.open(storedSession.sealedSecret(), session.accessKeyId().rowIdentity()),
                StandardCharsets.US_ASCII)).isEqualTo(session.secretAccessKey().reveal());
    }
}
