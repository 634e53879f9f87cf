package io.resetflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.BreachRow;
import io.resetflow.avro.RejectReason;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.TenantsLoader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BreachRowValidatorTest {

    private static final Instant NOW = Instant.parse("2025-06-02T02:00:00Z");
    private final MailboxIds ids = new MailboxIds("a-test-secret-of-enough-bytes");
    private final BreachRowValidator validator = new BreachRowValidator(TenantsLoader.bundled(), ids);

    @Test
    void normalizesFullWidthAndUpperCaseAddress() {
        // Given an address typed in full-width characters with surrounding spaces
        BreachRow row = BreachRows.row("  ＴＡＲＯ．Ｓａｔｏ＠ｎｉｆｔｙ．ｃｏｍ ").build();

        // When
        RowVerdict verdict = validator.check(row, NOW);

        // Then
        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class, valid -> {
            assertThat(valid.normalized().getAddress()).isEqualTo("taro.sato@nifty.com");
            assertThat(valid.mailboxId()).isEqualTo(ids.of("taro.sato@nifty.com"));
        });
    }

    @Test
    void takesTenantFromDomainWhenRowHasNone() {
        RowVerdict verdict = validator.check(BreachRows.row("hanako@zaq.ne.jp").build(), NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getTenant()).isEqualTo("jcom"));
    }

    @Test
    void takesTenantFromSubdomainOfConfiguredDomain() {
        RowVerdict verdict = validator.check(BreachRows.row("ken@mail.biglobe.ne.jp").build(), NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getTenant()).isEqualTo("biglobe"));
    }

    @Test
    void acceptsStatedTenantForDomainNoTenantOwns() {
        // Given a CPI-hosted customer domain that is not in the tenant config
        BreachRow row = BreachRows.row("info@some-shop.co.jp").setTenant("KDDI-Web").build();

        RowVerdict verdict = validator.check(row, NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getTenant()).isEqualTo("kddi-web"));
    }

    @Test
    void rejectsDomainOfAnotherTenant() {
        BreachRow row = BreachRows.row("taro@biglobe.ne.jp").setTenant("nifty").build();

        assertThat(reasonOf(validator.check(row, NOW))).isEqualTo(RejectReason.TENANT_DOMAIN_MISMATCH);
    }

    @Test
    void rejectsUnknownDomainWithoutTenant() {
        assertThat(reasonOf(validator.check(BreachRows.row("taro@example.net").build(), NOW)))
                .isEqualTo(RejectReason.UNKNOWN_TENANT);
    }

    @Test
    void rejectsTenantThatIsNotConfigured() {
        BreachRow row = BreachRows.row("taro@nifty.com").setTenant("so-net").build();

        assertThat(reasonOf(validator.check(row, NOW))).isEqualTo(RejectReason.UNKNOWN_TENANT);
    }

    @Test
    void rejectsRowWithoutAddress() {
        assertThat(reasonOf(validator.check(BreachRows.row("  ").build(), NOW))).isEqualTo(RejectReason.MISSING_ADDRESS);
    }

    @Test
    void rejectsAddressWithoutAtSign() {
        assertThat(reasonOf(validator.check(BreachRows.row("taro.nifty.com").build(), NOW)))
                .isEqualTo(RejectReason.INVALID_ADDRESS);
    }

    @Test
    void rejectsUnknownLifecycle() {
        BreachRow row = BreachRows.row("taro@nifty.com").setLifecycle("suspended-ish").build();

        assertThat(reasonOf(validator.check(row, NOW))).isEqualTo(RejectReason.INVALID_LIFECYCLE);
    }

    @Test
    void rejectsUnknownCredentialStorage() {
        BreachRow row = BreachRows.row("taro@nifty.com").setCredentialStorage("rot13").build();

        assertThat(reasonOf(validator.check(row, NOW))).isEqualTo(RejectReason.INVALID_CREDENTIAL_STORAGE);
    }

    @Test
    void keepsSourceReferenceAndRawFieldsOnRejection() {
        BreachRow row = BreachRows.row("taro@example.net", 42).setTenant(null).build();

        RowVerdict verdict = validator.check(row, NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Invalid.class, invalid -> {
            assertThat(invalid.rejected().getSource().getLine()).isEqualTo(42);
            assertThat(invalid.rejected().getAddress()).isEqualTo("taro@example.net");
            assertThat(invalid.rejected().getRejectedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void writesLifecycleAndStorageAsEnumSymbols() {
        BreachRow row = BreachRows.row("taro@nifty.com").setLifecycle(" Former ").setCredentialStorage("ENCRYPTED").build();

        RowVerdict verdict = validator.check(row, NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class, valid -> {
            assertThat(valid.normalized().getLifecycle()).isEqualTo("FORMER");
            assertThat(valid.normalized().getCredentialStorage()).isEqualTo("ENCRYPTED");
        });
    }

    @Test
    void treatsBlankLifecycleAndStorageAsUnknown() {
        BreachRow row = BreachRows.row("taro@nifty.com").setLifecycle(null).setCredentialStorage("").build();

        RowVerdict verdict = validator.check(row, NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class, valid -> {
            assertThat(valid.normalized().getLifecycle()).isEqualTo("UNKNOWN_LIFECYCLE");
            assertThat(valid.normalized().getCredentialStorage()).isEqualTo("UNKNOWN");
        });
    }

    @Test
    void keepsOnlyTheTenantsOwnBrandsAsConfiguredAndCountsAnUnknownOne() {
        java.util.List<String> unknown = new java.util.ArrayList<>();
        BreachRowValidator counting = new BreachRowValidator(TenantsLoader.bundled(), ids, unknown::add);

        RowVerdict known = counting.check(BreachRows.row("taro@commufa.jp").setBrand(" ｃｏｍｍｕｆａ ｈｉｋａｒｉ ").build(), NOW);
        RowVerdict phishing = counting.check(BreachRows.row("jiro@commufa.jp")
                .setBrand("Commufa <a href=http://evil.example>verify here</a>").build(), NOW);

        assertThat(known).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getBrand()).isEqualTo("Commufa Hikari"));
        assertThat(phishing).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getBrand()).isEqualTo("Commufa Hikari"));
        assertThat(unknown).containsExactly("ctc");
    }

    @Test
    void defaultsBrandToTenantsFirstBrand() {
        RowVerdict verdict = validator.check(BreachRows.row("taro@commufa.jp").build(), NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getBrand()).isEqualTo("Commufa Hikari"));
    }

    @Test
    void normalizesContactAddress() {
        BreachRow row = BreachRows.row("taro@nifty.com").setContactAddress(" Taro.Backup@Gmail.com").build();

        RowVerdict verdict = validator.check(row, NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getContactAddress()).isEqualTo("taro.backup@gmail.com"));
    }

    @Test
    void dropsInvalidContactAddressButAcceptsMailbox() {
        BreachRow row = BreachRows.row("taro@nifty.com").setContactAddress("not an address").build();

        RowVerdict verdict = validator.check(row, NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getContactAddress()).isNull());
    }

    @Test
    void dropsContactAddressThatIsTheMailboxItself() {
        BreachRow row = BreachRows.row("taro@nifty.com").setContactAddress("TARO@nifty.com").build();

        RowVerdict verdict = validator.check(row, NOW);

        assertThat(verdict).isInstanceOfSatisfying(RowVerdict.Valid.class,
                valid -> assertThat(valid.normalized().getContactAddress()).isNull());
    }

    private static RejectReason reasonOf(RowVerdict verdict) {
        assertThat(verdict).isInstanceOf(RowVerdict.Invalid.class);
        return ((RowVerdict.Invalid) verdict).rejected().getReason();
    }
}
