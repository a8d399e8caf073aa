package dev.gatehouse.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceModelTest {

    @Test
    void loadsTheIamAndStsModels() {
        assertThat(ServiceModel.iam().apiVersion()).isEqualTo("2010-05-08");
        assertThat(ServiceModel.iam().xmlNamespace()).isEqualTo("https://iam.amazonaws.com/doc/2010-05-08/");
        assertThat(ServiceModel.iam().operationNames()).contains("CreateVirtualMFADevice", "EnableMFADevice", "ResyncMFADevice");
        assertThat(ServiceModel.sts().operationNames()).contains("GetSessionToken", "GetCallerIdentity", "AssumeRole");
    }

    @Test
    void knowsTheResultWrapperAndErrorShapes() {
        assertThat(ServiceModel.iam().operation("CreateVirtualMFADevice").orElseThrow().resultWrapper())
                .hasValue("CreateVirtualMFADeviceResult");
        assertThat(ServiceModel.iam().shape("EntityAlreadyExistsException").error())
                .hasValue(new Shape.ErrorInfo("EntityAlreadyExists", 409, true));
    }

    @Test
    void compilesCodePointsBeyondTheBasicPlaneTheWayTheModelMeansThem() {
        var pattern = ServiceModel.compilePattern("[\\u0009\\u0020-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+");

        assertThat(pattern.matcher("policy 😀").matches()).isTrue();
        assertThat(pattern.matcher("bell\u0007").matches()).isFalse();
    }
}
