package dev.gatehouse.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.UserId;
import org.junit.jupiter.api.RepeatedTest;

class RandomIdsTest {

    private final RandomIds ids = new RandomIds();

    @RepeatedTest(20)
    void drawsIdentifiersInAwsFormats() {
        assertThat(ids.accountId()).matches("[1-9]\\d{11}");
        assertThat(ids.userId()).matches("AIDA[A-Z2-7]{17}");
        assertThat(ids.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
        assertThat(ids.secretAccessKey()).matches("[A-Za-z0-9+/]{40}");
        new AccountId(ids.accountId());
        new UserId(ids.userId());
        new AccessKeyId(ids.accessKeyId());
    }
}
