package dev.gatehouse.store.jdbc;

import dev.gatehouse.core.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.crypto.KeyRotationService;
import dev.gatehouse.core.crypto.MasterKeySource;
import dev.gatehouse.core.crypto.Password;
import dev.gatehouse.core.crypto.SecretCipher;
import dev.gatehouse.core.mfa.DeviceName;
import dev.gatehouse.core.mfa.NewVirtualMfaDevice;
import dev.gatehouse.core.mfa.SerialNumber;
import dev.gatehouse.core.mfa.VerificationOutcome;
import dev.gatehouse.core.sts.IssuedSessionCredentials;
import dev.gatehouse.core.user.AdministratorCredentials;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy of the database alone reveals no seed, no secret key, no session token and no password:
 * after a full lifecycle, none appears in the SQLite files in any common encoding.
 */
class SecretsAtRestTest {

    private static final String ROOT_PASSWORD = "Root-Password-Zebra-41";
    private static final String NEW_ROOT_PASSWORD = "Root-Password-Quokka-42";
    private static final String USER_PASSWORD = "User-Password-Walrus-43";

    @TempDir
    Path data;

    @Test
    void theDatabaseFilesHoldNoSecretInAnyEncoding() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));
        MasterKeySource keys = new MasterKeySource(Map.of(), data, new SecureRandom());
        List<byte[]> secrets = new ArrayList<>();
        List<String> sessionKeyIds = new ArrayList<>();
        try (JdbcStore store = JdbcStore.open(StoreSettings.embedded(data))) {
            Services gatehouse = new Services(store, clock, new SecretCipher(keys.load()));
            Account account = gatehouse.accounts.createAccount("root@example.com", "general", ROOT_PASSWORD);
            IamUser alice = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE,
                    Origin.LOCAL);
            gatehouse.passwords.createLoginProfile(alice.principal(), Password.of(USER_PASSWORD), false, Origin.LOCAL);
            AdministratorCredentials admin = gatehouse.users.createAdministrator(account.id(), UserName.of("admin"),
                    Origin.LOCAL);
            NewVirtualMfaDevice device = gatehouse.mfaDevices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                    DeviceName.ROOT_ACCOUNT_MFA_DEVICE, Tags.NONE, Origin.LOCAL);
            TotpGenerator totp = new TotpGenerator(TotpParameters.AWS_DEFAULT);
            long step = TotpParameters.AWS_DEFAULT.stepAt(clock.instant());
            gatehouse.mfaDevices.enableMfaDevice(account.root(), device.device().serial(),
                    totp.generateOneTimePasswordAtStep(device.seed(), step - 1),
                    totp.generateOneTimePasswordAtStep(device.seed(), step), Origin.LOCAL);
            OtpSecret tokenSeed = OtpSecret.generate();
            gatehouse.mfaDevices.registerHardwareToken(account.id(), SerialNumber.of("GAHT12345678"), tokenSeed,
                    TotpParameters.AWS_DEFAULT, Origin.LOCAL);
            clock.advance(Duration.ofSeconds(30));
            assertThat(gatehouse.verifier.verify(account.root(), device.device().serial(),
                    totp.generateOneTimePassword(device.seed(), clock.instant()), Origin.LOCAL))
                    .isEqualTo(VerificationOutcome.ACCEPTED);
            // Temporary credentials, with and without MFA; the rotation below reseals their secrets too.
            clock.advance(Duration.ofSeconds(30));
            String rootKey = gatehouse.accessKeys.createAccessKey(account.root(), Origin.LOCAL).key().id().value();
            IssuedSessionCredentials withMfa = gatehouse.sessionTokens.issue(account.root(), rootKey, Optional.empty(),
                    Optional.of(device.device().serial()),
                    Optional.of(totp.generateOneTimePassword(device.seed(), clock.instant())), Origin.LOCAL);
            IssuedSessionCredentials withoutMfa = gatehouse.sessionTokens.issue(admin.accessKey().key().principal(),
                    admin.accessKey().key().id().value(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Origin.LOCAL);
            gatehouse.passwords.changePassword(account.root(), Password.of(ROOT_PASSWORD),
                    Password.of(NEW_ROOT_PASSWORD), Origin.LOCAL);
            new KeyRotationService(store, gatehouse.audit).rotate(keys, Origin.LOCAL);

            secrets.add(device.seed().bytes());
            secrets.add(tokenSeed.bytes());
            secrets.add(admin.accessKey().secret().reveal().getBytes(StandardCharsets.US_ASCII));
            for (IssuedSessionCredentials issued : List.of(withMfa, withoutMfa)) {
                secrets.add(issued.secretAccessKey().reveal().getBytes(StandardCharsets.US_ASCII));
                secrets.add(issued.sessionToken().reveal().getBytes(StandardCharsets.US_ASCII));
                sessionKeyIds.add(issued.accessKeyId().value());
            }
            for (String password : List.of(ROOT_PASSWORD, NEW_ROOT_PASSWORD, USER_PASSWORD)) {
                secrets.add(password.getBytes(StandardCharsets.UTF_8));
            }
        }

        byte[] files = databaseFiles();
        // The scan sees what was written: the e-mail address and the temporary access key IDs, which are
        // not secret, are there in clear.
        assertThat(indexOf(files, "root@example.com".getBytes(StandardCharsets.US_ASCII))).isNotEqualTo(-1);
        for (String sessionKeyId : sessionKeyIds) {
            assertThat(indexOf(files, sessionKeyId.getBytes(StandardCharsets.US_ASCII))).isNotEqualTo(-1);
        }
        for (byte[] secret : secrets) {
            for (byte[] encoding : encodings(secret)) {
                assertThat(indexOf(files, encoding)).as("an encoding of a secret found in the database files")
                        .isEqualTo(-1);
            }
        }
    }

    private byte[] databaseFiles() throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (var listing = Files.list(data)) {
            for (Path file : listing.toList()) {
                if (file.getFileName().toString().startsWith(StoreSettings.SQLITE_FILE_NAME)) {
                    all.write(Files.readAllBytes(file));
                }
            }
        }
        return all.toByteArray();
    }

    private static List<byte[]> encodings(byte[] secret) {
        String base32 = OtpSecret.of(secret).toBase32();
        String hex = HexFormat.of().formatHex(secret);
        List<String> texts = List.of(base32, base32.toLowerCase(Locale.ROOT),
                Base64.getEncoder().encodeToString(secret), Base64.getEncoder().withoutPadding().encodeToString(secret),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret), hex, hex.toUpperCase(Locale.ROOT));
        List<byte[]> encodings = new ArrayList<>();
        encodings.add(secret);
        for (String text : texts) {
            encodings.add(text.getBytes(StandardCharsets.US_ASCII));
            // SQLite stores TEXT as UTF-8, but a UTF-16 database would hold it as UTF-16.
            encodings.add(text.getBytes(StandardCharsets.UTF_16LE));
        }
        return encodings;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
