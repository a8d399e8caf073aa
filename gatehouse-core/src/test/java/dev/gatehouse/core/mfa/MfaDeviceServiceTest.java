package dev.gatehouse.core.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Page;
import dev.gatehouse.core.Tags;
import dev.gatehouse.core.account.Account;
import dev.gatehouse.core.account.PrincipalRef;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.error.DeleteConflictException;
import dev.gatehouse.core.error.EntityAlreadyExistsException;
import dev.gatehouse.core.error.EntityTemporarilyUnmodifiableException;
import dev.gatehouse.core.error.InvalidAuthenticationCodeException;
import dev.gatehouse.core.error.LimitExceededException;
import dev.gatehouse.core.error.NoSuchEntityException;
import dev.gatehouse.core.internal.RandomIds;
import dev.gatehouse.core.store.MfaDeviceRepository;
import dev.gatehouse.core.store.Store;
import dev.gatehouse.core.store.StoreSession;
import dev.gatehouse.core.testing.Gatehouse;
import dev.gatehouse.core.throttle.FailureThrottle;
import dev.gatehouse.core.throttle.ThrottlePolicy;
import dev.gatehouse.core.throttle.ThrottleState;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.HmacAlgorithm;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.otp.OtpSecret;
import dev.gatehouse.otp.TotpGenerator;
import dev.gatehouse.otp.TotpParameters;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MfaDeviceServiceTest {

    private static final TotpGenerator TOTP = new TotpGenerator(TotpParameters.AWS_DEFAULT);
    private static final Origin ORIGIN = Origin.LOCAL;

    private final Gatehouse gatehouse = new Gatehouse();
    private final MfaDeviceService devices = gatehouse.mfaDevices;
    private Account account;
    private PrincipalRef alice;

    @BeforeEach
    void createAnAccountWithAUser() {
        account = gatehouse.accounts.createAccount("root@example.com", "general", "Correct-Horse-7");
        IamUser user = gatehouse.users.createUser(account.id(), UserName.of("alice"), IamPath.ROOT, Tags.NONE, ORIGIN);
        alice = user.principal();
    }

    @Test
    void createsAVirtualDeviceWithAFortyByteSeedAndAnAwsSerial() {
        NewVirtualMfaDevice created = create("alice-phone");
        assertThat(created.device().serial().value()).isEqualTo("arn:aws:iam::" + account.id() + ":mfa/alice-phone");
        assertThat(created.seed().length()).isEqualTo(40);
        assertThat(created.base32Seed()).hasSize(64);
        assertThat(created.device().kind()).isEqualTo(MfaDeviceKind.VIRTUAL_TOTP);
        assertThat(created.device().isAssigned()).isFalse();
    }

    @Test
    void returnsAKeyUriLabelledDeviceAtAccount() {
        NewVirtualMfaDevice created = create("alice-phone");
        KeyUri parsed = KeyUri.parse(created.keyUri().toUriString());
        assertThat(parsed.accountName()).isEqualTo("alice-phone@general");
        assertThat(parsed.secret()).isEqualTo(created.seed());
    }

    @Test
    void labelsTheKeyUriWithTheCreatingUsersNameAsAwsDoesAndRecordsTheCreator() {
        NewVirtualMfaDevice created = devices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("alice-phone"), Tags.NONE, alice, Optional.of(UserName.of("alice")), ORIGIN);
        assertThat(KeyUri.parse(created.keyUri().toUriString()).accountName()).isEqualTo("alice-phone@alice");
        assertThat(devices.findCreator(account.id(), created.device().serial())).contains(alice);
        assertThat(devices.findCreator(account.id(), create("bootstrap-token").device().serial()))
                .as("created without a principal").isEmpty();
    }

    @Test
    void pagesTheTagsOfADeviceInKeyOrder() {
        NewVirtualMfaDevice created = devices.createVirtualMfaDevice(account.id(), IamPath.ROOT,
                DeviceName.of("tagged"), Tags.of(Map.of("c", "3", "a", "1", "b", "2")), ORIGIN);
        SerialNumber serial = created.device().serial();

        Page<Map.Entry<String, String>> first = devices.listMfaDeviceTags(account.id(), serial, Optional.empty(), 2);
        Page<Map.Entry<String, String>> second = devices.listMfaDeviceTags(account.id(), serial, first.nextMarker(), 2);

        assertThat(first.items()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(second.items()).containsExactly(Map.entry("c", "3"));
        assertThat(second.nextMarker()).isEmpty();
    }

    @Test
    void refusesADeviceBeyondTheAccountQuota() {
        MfaDeviceService quotaOfTwo = new MfaDeviceService(gatehouse.store, gatehouse.cipher,
                new FailureThrottle(ThrottlePolicy.DEFAULT), gatehouse.audit, gatehouse.clock, new RandomIds(), 2);
        for (String name : List.of("first", "second")) {
            quotaOfTwo.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of(name), Tags.NONE, ORIGIN);
        }
        assertThatThrownBy(() -> quotaOfTwo.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of("third"),
                Tags.NONE, ORIGIN)).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void placesThePathInTheSerial() {
        NewVirtualMfaDevice created = devices.createVirtualMfaDevice(account.id(), new IamPath("/team/"),
                DeviceName.of("token"), Tags.NONE, ORIGIN);
        assertThat(created.device().serial().value()).endsWith(":mfa/team/token");
    }

    @Test
    void neverRevealsTheSeedInToStringOrAfterCreation() {
        NewVirtualMfaDevice created = create("alice-phone");
        assertThat(created.toString()).doesNotContain(created.base32Seed());
        MfaDevice stored = devices.getMfaDevice(account.id(), created.device().serial());
        assertThat(stored.toString()).doesNotContain(created.base32Seed());
        assertThat(stored.seed().ciphertext()).doesNotContain(created.base32Seed());
    }

    @Test
    void refusesASecondDeviceWithTheSameNameIgnoringCase() {
        create("alice-phone");
        assertThatThrownBy(() -> create("Alice-Phone")).isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void enablesWithTwoConsecutiveCodes() {
        NewVirtualMfaDevice created = create("alice-phone");
        long now = step();
        MfaDevice enabled = devices.enableMfaDevice(alice, created.device().serial(), code(created, now - 1),
                code(created, now), ORIGIN);
        assertThat(enabled.assignment().principal()).isEqualTo(alice);
        assertThat(enabled.assignment().enabledAt()).isEqualTo(gatehouse.clock.instant());
        assertThat(enabled.driftSteps()).isZero();
        assertThat(enabled.lastAcceptedStep()).isEqualTo(now);
    }

    @Test
    void enablesForAUserFoundByNameInTheSameUnitOfWork() {
        NewVirtualMfaDevice created = create("alice-phone");
        long now = step();
        MfaDevice enabled = devices.enableMfaDevice(account.id(), UserName.of("ALICE"), created.device().serial(),
                code(created, now - 1), code(created, now), ORIGIN);
        assertThat(enabled.assignment().principal()).isEqualTo(alice);
        assertThat(devices.listMfaDevices(alice, Optional.empty(), 10).items()).extracting(MfaDevice::serial)
                .containsExactly(created.device().serial());

        NewVirtualMfaDevice other = create("spare");
        assertThatThrownBy(() -> devices.enableMfaDevice(account.id(), UserName.of("nobody"), other.device().serial(),
                code(other, now - 1), code(other, now), ORIGIN))
                .isInstanceOf(NoSuchEntityException.class).hasMessageContaining("nobody");
    }

    @ParameterizedTest
    @ValueSource(ints = {-10, -6, 3, 9})
    void learnsTheDriftOfAPhoneMinutesOff(int drift) {
        NewVirtualMfaDevice created = create("alice-phone");
        long phone = step() + drift;
        MfaDevice enabled = devices.enableMfaDevice(alice, created.device().serial(), code(created, phone - 1),
                code(created, phone), ORIGIN);
        assertThat(enabled.driftSteps()).isEqualTo(drift);
    }

    @Test
    void refusesCodesFromAPhoneMoreThanFiveMinutesOff() {
        NewVirtualMfaDevice created = create("alice-phone");
        long phone = step() + 12;
        assertThatThrownBy(() -> devices.enableMfaDevice(alice, created.device().serial(), code(created, phone - 1),
                code(created, phone), ORIGIN)).isInstanceOf(InvalidAuthenticationCodeException.class);
    }

    @Test
    void refusesCodesThatAreNotConsecutive() {
        NewVirtualMfaDevice created = create("alice-phone");
        long now = step();
        assertThatThrownBy(() -> devices.enableMfaDevice(alice, created.device().serial(), code(created, now - 2),
                code(created, now), ORIGIN)).isInstanceOf(InvalidAuthenticationCodeException.class);
        assertThatThrownBy(() -> devices.enableMfaDevice(alice, created.device().serial(), code(created, now),
                code(created, now - 1), ORIGIN)).isInstanceOf(InvalidAuthenticationCodeException.class);
        assertThat(devices.getMfaDevice(account.id(), created.device().serial()).isAssigned()).isFalse();
    }

    @Test
    void blocksEnablingAfterRepeatedWrongCodes() {
        NewVirtualMfaDevice created = create("alice-phone");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> devices.enableMfaDevice(alice, created.device().serial(), "000000", "111111",
                    ORIGIN)).isInstanceOf(InvalidAuthenticationCodeException.class);
        }
        long now = step();
        assertThatThrownBy(() -> devices.enableMfaDevice(alice, created.device().serial(), code(created, now - 1),
                code(created, now), ORIGIN)).isInstanceOf(EntityTemporarilyUnmodifiableException.class);
    }

    @Test
    void enablingForgetsTheEarlierFailuresOfTheDeviceAndOfThePrincipal() {
        NewVirtualMfaDevice created = create("alice-phone");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> devices.enableMfaDevice(alice, created.device().serial(), "000000", "111111",
                    ORIGIN)).isInstanceOf(InvalidAuthenticationCodeException.class);
        }
        List<String> keys = List.of(ThrottleKeys.throttleKey(created.device()), ThrottleKeys.throttleKey(alice));
        assertThat(keys).allSatisfy(key -> assertThat(throttleState(key)).isPresent());

        long now = step();
        devices.enableMfaDevice(alice, created.device().serial(), code(created, now - 1), code(created, now), ORIGIN);

        assertThat(keys).allSatisfy(key -> assertThat(throttleState(key)).isEmpty());
    }

    @Test
    void refusesADeviceAlreadyAssigned() {
        NewVirtualMfaDevice created = enableFor(alice, "alice-phone");
        gatehouse.clock.advance(Duration.ofMinutes(1));
        long now = step();
        assertThatThrownBy(() -> devices.enableMfaDevice(account.root(), created.device().serial(),
                code(created, now - 1), code(created, now), ORIGIN)).isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void refusesANinthDevice() {
        for (int i = 1; i <= 8; i++) {
            enableFor(alice, "device-" + i);
        }
        NewVirtualMfaDevice ninth = create("device-9");
        long now = step();
        assertThatThrownBy(() -> devices.enableMfaDevice(alice, ninth.device().serial(), code(ninth, now - 1),
                code(ninth, now), ORIGIN)).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void refusesAnUnknownSerial() {
        assertThatThrownBy(() -> devices.enableMfaDevice(alice, SerialNumber.of("arn:aws:iam::" + account.id()
                + ":mfa/none"), "123456", "234567", ORIGIN)).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void resyncRefusesCodesAlreadyUsed() {
        NewVirtualMfaDevice created = enableFor(alice, "alice-phone");
        long now = step();
        assertThatThrownBy(() -> devices.resyncMfaDevice(alice, created.device().serial(), code(created, now - 1),
                code(created, now), ORIGIN)).isInstanceOf(InvalidAuthenticationCodeException.class);
    }

    @Test
    void deactivatesAndThenDeletes() {
        NewVirtualMfaDevice created = enableFor(alice, "alice-phone");
        SerialNumber serial = created.device().serial();
        assertThatThrownBy(() -> devices.deleteVirtualMfaDevice(account.id(), serial, ORIGIN))
                .isInstanceOf(DeleteConflictException.class);
        devices.deactivateMfaDevice(alice, serial, ORIGIN);
        assertThat(devices.listMfaDevices(alice, Optional.empty(), 100).items()).isEmpty();
        devices.deleteVirtualMfaDevice(account.id(), serial, ORIGIN);
        assertThatThrownBy(() -> devices.getMfaDevice(account.id(), serial)).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void deactivationNeedsTheDeviceToBeEnabledForThatPrincipal() {
        NewVirtualMfaDevice created = enableFor(alice, "alice-phone");
        assertThatThrownBy(() -> devices.deactivateMfaDevice(account.root(), created.device().serial(), ORIGIN))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void listsVirtualDevicesByAssignmentStatusInPages() {
        enableFor(alice, "b-enabled");
        create("a-spare");
        create("c-spare");
        assertThat(serialsOf(devices.listVirtualMfaDevices(account.id(), AssignmentStatus.UNASSIGNED, Optional.empty(),
                100))).containsExactly(serialOf("a-spare"), serialOf("c-spare"));
        assertThat(serialsOf(devices.listVirtualMfaDevices(account.id(), AssignmentStatus.ASSIGNED, Optional.empty(),
                100))).containsExactly(serialOf("b-enabled"));
        Page<MfaDevice> first = devices.listVirtualMfaDevices(account.id(), AssignmentStatus.ANY, Optional.empty(), 2);
        assertThat(serialsOf(first)).containsExactly(serialOf("a-spare"), serialOf("b-enabled"));
        assertThat(first.isTruncated()).isTrue();
        Page<MfaDevice> second = devices.listVirtualMfaDevices(account.id(), AssignmentStatus.ANY, first.nextMarker(), 2);
        assertThat(serialsOf(second)).containsExactly(serialOf("c-spare"));
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void registersAHardwareTokenThatCanBeEnabled() {
        OtpSecret seed = OtpSecret.generate();
        TotpParameters parameters = new TotpParameters(HmacAlgorithm.SHA1, 6, Duration.ofSeconds(30));
        SerialNumber serial = SerialNumber.of("GAHT12345678");
        devices.registerHardwareToken(account.id(), serial, seed, parameters, ORIGIN);
        long now = step();
        MfaDevice enabled = devices.enableMfaDevice(account.root(), serial,
                TOTP.generateOneTimePasswordAtStep(seed, now - 1), TOTP.generateOneTimePasswordAtStep(seed, now), ORIGIN);
        assertThat(enabled.kind()).isEqualTo(MfaDeviceKind.HARDWARE_TOTP);
        assertThat(devices.listVirtualMfaDevices(account.id(), AssignmentStatus.ANY, Optional.empty(), 100).items())
                .isEmpty();
        assertThatThrownBy(() -> devices.registerHardwareToken(account.id(), serial, seed, parameters, ORIGIN))
                .isInstanceOf(EntityAlreadyExistsException.class);
    }

    @Test
    void tagsAndUntagsADevice() {
        NewVirtualMfaDevice created = create("alice-phone");
        devices.tagMfaDevice(account.id(), created.device().serial(), Tags.of(Map.of("team", "ops", "tier", "1")));
        Tags left = devices.untagMfaDevice(account.id(), created.device().serial(), List.of("tier"));
        assertThat(left.values()).containsExactly(Map.entry("team", "ops"));
    }

    @Test
    void refusesToDeleteADeviceThatAnotherRequestEnabledAfterItWasRead() {
        NewVirtualMfaDevice created = create("racing");
        MfaDeviceService racing = serviceOn(interleaving("delete",
                repository -> repository.assign(created.device().id(), new Assignment(alice, gatehouse.clock.instant()),
                        0, step(), MfaDevice.MAXIMUM_PER_PRINCIPAL)));

        assertThatThrownBy(() -> racing.deleteVirtualMfaDevice(account.id(), created.device().serial(), ORIGIN))
                .isInstanceOf(DeleteConflictException.class).hasMessageContaining("is assigned");
    }

    @Test
    void answersNoSuchEntityForADeviceThatAnotherRequestDeletedAfterItWasRead() {
        NewVirtualMfaDevice deleted = create("deleted-meanwhile");
        NewVirtualMfaDevice enabled = create("also-deleted-meanwhile");
        MfaDeviceService racingDelete = serviceOn(interleaving("delete", repository -> repository.delete(deleted.device())));
        MfaDeviceService racingEnable = serviceOn(interleaving("assign", repository -> repository.delete(enabled.device())));
        long now = step();

        assertThatThrownBy(() -> racingDelete.deleteVirtualMfaDevice(account.id(), deleted.device().serial(), ORIGIN))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> racingEnable.enableMfaDevice(alice, enabled.device().serial(), code(enabled, now - 1),
                code(enabled, now), ORIGIN)).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void answersEntityAlreadyExistsForADeviceThatAnotherRequestEnabledAfterItWasRead() {
        NewVirtualMfaDevice created = create("racing");
        PrincipalRef root = account.root();
        MfaDeviceService racing = serviceOn(interleaving("assign",
                repository -> repository.assign(created.device().id(), new Assignment(root, gatehouse.clock.instant()),
                        0, step(), MfaDevice.MAXIMUM_PER_PRINCIPAL)));
        long now = step();

        assertThatThrownBy(() -> racing.enableMfaDevice(alice, created.device().serial(), code(created, now - 1),
                code(created, now), ORIGIN)).isInstanceOf(EntityAlreadyExistsException.class);
    }

    private MfaDeviceService serviceOn(Store store) {
        return new MfaDeviceService(store, gatehouse.cipher, new FailureThrottle(ThrottlePolicy.DEFAULT), gatehouse.audit,
                gatehouse.clock, new RandomIds());
    }

    /**
     * The test's store, where {@code meanwhile} changes the devices just before the device
     * repository's {@code method} runs, as another request's committed write would land between a
     * unit of work's read and its write.
     */
    private Store interleaving(String method, Consumer<MfaDeviceRepository> meanwhile) {
        return new Store() {
            @Override
            public <T> T inTransaction(Function<StoreSession, T> work) {
                return gatehouse.store.inTransaction(session -> work.apply(delegate(StoreSession.class, session,
                        (called, args) -> called.getName().equals("mfaDevices") ? racing(session.mfaDevices(), method,
                                meanwhile) : called.invoke(session, args))));
            }
        };
    }

    /** {@code devices}, running {@code meanwhile} on themselves just before each call of {@code method}. */
    private static MfaDeviceRepository racing(MfaDeviceRepository devices, String method,
            Consumer<MfaDeviceRepository> meanwhile) {
        return delegate(MfaDeviceRepository.class, devices, (called, args) -> {
            if (called.getName().equals(method)) {
                meanwhile.accept(devices);
            }
            return called.invoke(devices, args);
        });
    }

    /** A hand-written stand-in for {@code target}'s interface, each call answered by {@code answer}. */
    private static <T> T delegate(Class<T> type, T target, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return answer.apply(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private interface Answer {
        Object apply(Method method, Object[] args) throws Exception;
    }

    private NewVirtualMfaDevice create(String name) {
        return devices.createVirtualMfaDevice(account.id(), IamPath.ROOT, DeviceName.of(name), Tags.NONE, ORIGIN);
    }

    private NewVirtualMfaDevice enableFor(PrincipalRef principal, String name) {
        NewVirtualMfaDevice created = create(name);
        long now = step();
        devices.enableMfaDevice(principal, created.device().serial(), code(created, now - 1), code(created, now), ORIGIN);
        return created;
    }

    private String serialOf(String name) {
        return "arn:aws:iam::" + account.id() + ":mfa/" + name;
    }

    private static List<String> serialsOf(Page<MfaDevice> page) {
        return page.items().stream().map(device -> device.serial().value()).toList();
    }

    private Optional<ThrottleState> throttleState(String key) {
        return gatehouse.store.read(session -> session.throttles().find(List.of(key))).stream().findFirst();
    }

    private long step() {
        return TotpParameters.AWS_DEFAULT.stepAt(gatehouse.clock.instant());
    }

    private static String code(NewVirtualMfaDevice device, long step) {
        return TOTP.generateOneTimePasswordAtStep(device.seed(), step);
    }
}
