package io.resetflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.Priority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityRuleTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "ACTIVE, PLAINTEXT, URGENT",
            "ACTIVE, UNKNOWN, URGENT",
            "ACTIVE, HASHED, HIGH",
            "ACTIVE, ENCRYPTED, HIGH",
            "UNKNOWN_LIFECYCLE, HASHED, HIGH",
            "UNKNOWN_LIFECYCLE, PLAINTEXT, URGENT",
            "INACTIVE, PLAINTEXT, NORMAL",
            "INACTIVE, HASHED, NORMAL",
            "FORMER, PLAINTEXT, LOCK",
            "FORMER, ENCRYPTED, LOCK",
    })
    void classifiesByLifecycleAndStorage(AccountLifecycle lifecycle, CredentialStorage storage, Priority expected) {
        assertThat(PriorityRule.of(lifecycle, storage)).isEqualTo(expected);
    }
}
