package dev.gatehouse.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.account.AccountId;
import dev.gatehouse.core.user.AccessKeyId;
import dev.gatehouse.core.user.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

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

    @Test
    void ordersRowIdsByCreationTimeAndDrawsTheRest() {
        long at = Instant.parse("2026-11-01T08:00:00Z").toEpochMilli();
        String first = ids.rowId(at);
        String sameMillisecond = ids.rowId(at);
        String later = ids.rowId(at + 1);

        assertThat(List.of(first, sameMillisecond, later)).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(first).startsWith(String.format("%012x", at));
        assertThat(sameMillisecond).startsWith(first.substring(0, 12)).isNotEqualTo(first);
        assertThat(later).isGreaterThan(first).isGreaterThan(sameMillisecond);
        assertThat(ids.rowId()).isGreaterThan(later);
    }
}
