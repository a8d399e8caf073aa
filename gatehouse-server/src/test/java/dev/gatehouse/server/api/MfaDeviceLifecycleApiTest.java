package dev.gatehouse.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.Tags;
import dev.gatehouse.core.audit.Origin;
import dev.gatehouse.core.user.IamPath;
import dev.gatehouse.core.user.IamUser;
import dev.gatehouse.core.user.NewAccessKey;
import dev.gatehouse.core.user.UserName;
import dev.gatehouse.otp.KeyUri;
import dev.gatehouse.qr.KeyUriQrCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.InvalidAuthenticationCodeException;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/** The whole life of a virtual MFA device through the AWS SDK, for an IAM user and for the root user. */
class MfaDeviceLifecycleApiTest extends ApiTestCase {


    @Test
    void anIamUserCreatesEnablesResyncsDeactivatesAndDeletesItsOwnDevice() {
        try (IamClient alice = api.iam(ApiServer.credentials(userWithKey("alice")))) {
            VirtualMFADevice created = alice.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice-phone"))
                    .virtualMFADevice();
            String serial = created.serialNumber();
            assertThat(serial).isEqualTo("arn:aws:iam::" + api.account.id() + ":mfa/alice-phone");
            assertThat(created.base32StringSeed().asString(StandardCharsets.US_ASCII)).matches("[A-Z2-7]{64}");
            KeyUri scanned = new KeyUriQrCodes().read(created.qrCodePNG().asByteArray());
            assertThat(scanned.accountName()).isEqualTo("alice-phone@alice");
            assertThat(scanned.secret().toBase32()).isEqualTo(created.base32StringSeed().asString(StandardCharsets.US_ASCII));

            TestMfaDevice device = new TestMfaDevice(serial, TestMfaDevice.seedOf(created), api.clock);
            assertThat(admin.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.UNASSIGNED))
                    .virtualMFADevices()).extracting(VirtualMFADevice::serialNumber).containsExactly(serial);

            String enableCode1 = device.code(0);
            String enableCode2 = device.code(1);
            alice.enableMFADevice(r -> r.userName("alice").serialNumber(serial).authenticationCode1(enableCode1)
                    .authenticationCode2(enableCode2));

            List<MFADevice> enabled = alice.listMFADevices().mfaDevices();
            assertThat(enabled).extracting(MFADevice::serialNumber).containsExactly(serial);
            assertThat(enabled.get(0).userName()).isEqualTo("alice");
            assertThat(enabled.get(0).enableDate()).isNotNull();
            assertThat(admin.listMFADevices(r -> r.userName("alice")).mfaDevices()).extracting(MFADevice::serialNumber)
                    .containsExactly(serial);
            List<VirtualMFADevice> assigned = admin.listVirtualMFADevices(
                    r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED)).virtualMFADevices();
            assertThat(assigned).extracting(VirtualMFADevice::serialNumber).containsExactly(serial);
            assertThat(assigned.get(0).user().userName()).isEqualTo("alice");
            assertThat(admin.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.UNASSIGNED))
                    .virtualMFADevices()).isEmpty();

            assertThatThrownBy(() -> alice.resyncMFADevice(r -> r.userName("alice").serialNumber(serial)
                    .authenticationCode1(enableCode1).authenticationCode2(enableCode2)))
                    .isInstanceOfSatisfying(InvalidAuthenticationCodeException.class,
                            error -> assertThat(error.statusCode()).isEqualTo(403));
            alice.resyncMFADevice(r -> r.userName("alice").serialNumber(serial).authenticationCode1(device.code(2))
                    .authenticationCode2(device.code(3)));

            assertThatThrownBy(() -> alice.deleteVirtualMFADevice(r -> r.serialNumber(serial)))
                    .isInstanceOfSatisfying(DeleteConflictException.class, error -> assertThat(error.statusCode()).isEqualTo(409));
            alice.deactivateMFADevice(r -> r.serialNumber(serial));
            assertThat(alice.listMFADevices().mfaDevices()).isEmpty();
            alice.deleteVirtualMFADevice(r -> r.serialNumber(serial));

            assertThat(admin.listVirtualMFADevices().virtualMFADevices()).isEmpty();
        }
    }

    @Test
    void theRootUserEnablesItsOwnDeviceNamingItselfByItsAccountId() {
        NewAccessKey rootKey = api.services.accessKeys().createAccessKey(api.account.root(), Origin.LOCAL);
        String accountId = api.account.id().value();
        try (IamClient root = api.iam(ApiServer.credentials(rootKey))) {
            VirtualMFADevice created = root.createVirtualMFADevice(r -> r.virtualMFADeviceName("root-account-mfa-device"))
                    .virtualMFADevice();
            KeyUri scanned = new KeyUriQrCodes().read(created.qrCodePNG().asByteArray());
            // Created by no IAM user: labelled with the account, whose alias AWS shows when it has one.
            assertThat(scanned.accountName()).isEqualTo("root-account-mfa-device@example");
            assertThat(scanned.secret()).isEqualTo(TestMfaDevice.seedOf(created));
            TestMfaDevice device = new TestMfaDevice(created.serialNumber(), TestMfaDevice.seedOf(created), api.clock);

            device.enable(root, accountId);

            List<MFADevice> enabled = root.listMFADevices().mfaDevices();
            assertThat(enabled).extracting(MFADevice::serialNumber).containsExactly(device.serialNumber());
            assertThat(enabled.get(0).userName()).isEqualTo(accountId);
            VirtualMFADevice listed = root.listVirtualMFADevices(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED))
                    .virtualMFADevices().get(0);
            assertThat(listed.user().arn()).isEqualTo("arn:aws:iam::" + accountId + ":root");
            assertThat(listed.user().userId()).isEqualTo(accountId);

            root.resyncMFADevice(r -> r.userName(accountId).serialNumber(device.serialNumber())
                    .authenticationCode1(device.code(2)).authenticationCode2(device.code(3)));
            root.deactivateMFADevice(r -> r.serialNumber(device.serialNumber()));
            root.deleteVirtualMFADevice(r -> r.serialNumber(device.serialNumber()));

            assertThat(root.listMFADevices().mfaDevices()).isEmpty();
            assertThat(root.listVirtualMFADevices().virtualMFADevices()).isEmpty();
        }
    }

    @Test
    void anAdministratorManagesAnotherUsersDeviceByName() {
        userWithKey("alice");
        TestMfaDevice device = TestMfaDevice.create(admin, "alice-token", api.clock);

        device.enable(admin, "alice");
        admin.resyncMFADevice(r -> r.userName("alice").serialNumber(device.serialNumber())
                .authenticationCode1(device.code(2)).authenticationCode2(device.code(3)));
        assertThat(admin.listMFADevices().mfaDevices()).isEmpty();
        assertThat(admin.listMFADevices(r -> r.userName("alice")).mfaDevices()).singleElement()
                .satisfies(enabled -> assertThat(enabled.userName()).isEqualTo("alice"));

        assertThatThrownBy(() -> admin.deactivateMFADevice(r -> r.serialNumber(device.serialNumber())))
                .as("without a UserName the administrator's own devices are meant, and this is not one")
                .isInstanceOf(NoSuchEntityException.class);
        admin.deactivateMFADevice(r -> r.userName("alice").serialNumber(device.serialNumber()));

        assertThat(admin.listMFADevices(r -> r.userName("alice")).mfaDevices()).isEmpty();
    }

    @Test
    void listsVirtualDevicesWithoutAnySeedOrQrCode() {
        TestMfaDevice device = TestMfaDevice.create(admin, "listed", api.clock);
        device.enable(admin, "admin");
        TestMfaDevice.create(admin, "spare", api.clock);
        List<String> bodies = new ArrayList<>();

        try (IamClient recorded = recordingClient(ApiServer.credentials(api.administratorKey), bodies)) {
            List<VirtualMFADevice> listed = recorded.listVirtualMFADevices().virtualMFADevices();

            assertThat(listed).hasSize(2).allSatisfy(each -> {
                assertThat(each.base32StringSeed()).isNull();
                assertThat(each.qrCodePNG()).isNull();
            });
        }
        assertThat(bodies).singleElement().satisfies(xml -> {
            assertThat(xml).contains("<SerialNumber>" + device.serialNumber() + "</SerialNumber>");
            assertThat(xml).doesNotContain("Base32StringSeed").doesNotContain("QRCodePNG")
                    .doesNotContain(device.seed().toBase32());
        });
    }

    @Test
    void pagesVirtualDevicesWithMarkerAndMaxItems() {
        for (String name : List.of("a", "b", "c")) {
            TestMfaDevice.create(admin, name, api.clock);
        }

        var first = admin.listVirtualMFADevices(r -> r.maxItems(2));
        var second = admin.listVirtualMFADevices(r -> r.maxItems(2).marker(first.marker()));

        assertThat(first.isTruncated()).isTrue();
        assertThat(first.virtualMFADevices()).extracting(VirtualMFADevice::serialNumber).allMatch(s -> s.endsWith("/a") || s.endsWith("/b"));
        assertThat(second.virtualMFADevices()).extracting(VirtualMFADevice::serialNumber).singleElement()
                .satisfies(serial -> assertThat(serial).endsWith(":mfa/c"));
        assertThat(second.isTruncated()).isFalse();
    }

    @Test
    void tagsUntagsAndListsTheTagsOfADevice() {
        String serial = admin.createVirtualMFADevice(r -> r.virtualMFADeviceName("tagged")
                .tags(Tag.builder().key("team").value("blue").build())).virtualMFADevice().serialNumber();

        admin.tagMFADevice(r -> r.serialNumber(serial).tags(Tag.builder().key("owner").value("alice").build()));
        admin.untagMFADevice(r -> r.serialNumber(serial).tagKeys("team"));

        assertThat(admin.listMFADeviceTags(r -> r.serialNumber(serial)).tags())
                .containsExactly(Tag.builder().key("owner").value("alice").build());
        assertThat(admin.listVirtualMFADevices().virtualMFADevices().get(0).tags())
                .containsExactly(Tag.builder().key("owner").value("alice").build());
    }

    @Test
    void answersGetMfaDeviceForSecurityKeysOnlyAsAwsDoes() {
        TestMfaDevice device = TestMfaDevice.create(admin, "not-a-key", api.clock);
        device.enable(admin, "admin");

        assertThatThrownBy(() -> admin.getMFADevice(r -> r.serialNumber(device.serialNumber())))
                .isInstanceOfSatisfying(NoSuchEntityException.class, error -> assertThat(error.statusCode()).isEqualTo(404));
    }

    private IamClient recordingClient(AwsCredentials credentials, List<String> bodies) {
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                    ExecutionAttributes attributes) {
                return context.responseBody().map(body -> {
                    try (body) {
                        byte[] bytes = body.readAllBytes();
                        bodies.add(new String(bytes, StandardCharsets.UTF_8));
                        return new ByteArrayInputStream(bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return IamClient.builder().endpointOverride(api.baseUri()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(recorder))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private NewAccessKey userWithKey(String name) {
        IamUser user = api.services.users().createUser(api.account.id(), UserName.of(name), IamPath.ROOT, Tags.NONE, Origin.LOCAL);
        return api.services.accessKeys().createAccessKey(user.principal(), Origin.LOCAL);
    }
}
