package io.resetflow.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    private static final String OPS = ApiTokens.newToken();
    private static final String NIFTY = ApiTokens.newToken();

    private final ApiTokens tokens = ApiTokens.parse("# accepted tokens\n"
            + ApiTokens.line(Caller.operations("alice"), OPS) + "\n\n"
            + ApiTokens.line(Caller.ofTenant("nifty-staff", "nifty"), NIFTY), "test");

    @Test
    void knowsEachTokensCallerAndNoOther() {
        assertThat(tokens.authenticate(OPS)).contains(Caller.operations("alice"));
        assertThat(tokens.authenticate(NIFTY)).contains(Caller.ofTenant("nifty-staff", "nifty"));
        assertThat(tokens.authenticate(OPS.substring(1))).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
    }

    @Test
    void holdsOnlyHashes() {
        String line = ApiTokens.line(Caller.operations("alice"), OPS);

        assertThat(line).startsWith("alice operations ").doesNotContain(OPS);
        assertThat(line.split(" ")[2]).hasSize(43);
    }

    @Test
    void refusesAMalformedEntryNamingItsPlaceButNotItsContent() {
        assertThatThrownBy(() -> ApiTokens.parse("alice operations", "tokens.txt"))
                .hasMessage("tokens.txt entry 1: expected <name> <role> <sha256>");
        assertThatThrownBy(() -> ApiTokens.parse("alice admin " + "A".repeat(43), "tokens.txt"))
                .hasMessage("tokens.txt entry 1: role must be operations, service or tenant:<id>, not admin");
        assertThatThrownBy(() -> ApiTokens.parse("alice operations c2hvcnQ", "tokens.txt"))
                .hasMessage("tokens.txt entry 1: the hash is not a SHA-256");
    }

    @Test
    void aTenantCallerReadsItsOwnTenantOnly() {
        Caller staff = Caller.ofTenant("nifty-staff", "nifty");

        assertThat(staff.mayRead("nifty")).isTrue();
        assertThat(staff.mayRead("biglobe")).isFalse();
        assertThat(staff.isOperations()).isFalse();
        assertThat(Caller.operations("alice").mayRead("biglobe")).isTrue();
        assertThat(new Caller("peer", ApiRole.SERVICE, Optional.empty()).mayRead("nifty")).isFalse();
    }

    @Test
    void limitsEachCallersLookupsOnItsOwn() {
        CallerRateLimits limits = new CallerRateLimits(3);
        Caller alice = Caller.operations("alice");
        Caller bob = Caller.operations("bob");

        assertThat(List.of(limits.tryAcquire(alice), limits.tryAcquire(alice), limits.tryAcquire(alice),
                limits.tryAcquire(alice))).containsExactly(true, true, true, false);
        assertThat(limits.tryAcquire(bob)).isTrue();
    }
}
