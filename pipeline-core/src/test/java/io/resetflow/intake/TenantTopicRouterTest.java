package io.resetflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.AffectedAccount;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.Priority;
import io.resetflow.avro.SourceReference;
import io.resetflow.core.topic.TopicNames;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantTopicRouterTest {

    @Test
    void routesToTheTenantsAffectedAccountsTopic() {
        TenantTopicRouter router = new TenantTopicRouter(new TopicNames("prod.", "isp."));

        assertThat(router.extract("id", account("kddi-web"), null)).isEqualTo("isp.kddi-web.affected-accounts");
    }

    private static AffectedAccount account(String tenant) {
        return AffectedAccount.newBuilder()
                .setMailboxId("id").setTenant(tenant).setAddress("a@cpi.ad.jp")
                .setLifecycle(AccountLifecycle.ACTIVE).setCredentialStorage(CredentialStorage.HASHED)
                .setPriority(Priority.HIGH).setHasContactAddress(false)
                .setSource(SourceReference.newBuilder().setFile("f").setLine(1).setImportId("i").build())
                .setAcceptedAt(Instant.EPOCH)
                .build();
    }
}
