package io.resetflow.tracker.it;

import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import java.util.List;
import java.util.Optional;

/** Fixed API tokens for the tracker's tests on a real broker, and the tokens setting accepting them. */
public final class ApiTokensForTests {

    public static final String OPERATIONS = "ops-token-0123456789abcdefghijklmnopqrstuvwx";
    public static final String NIFTY = "nifty-token-0123456789abcdefghijklmnopqrstuv";
    public static final String BIGLOBE = "biglobe-token-0123456789abcdefghijklmnopqrst";
    public static final String SERVICE = "service-token-0123456789abcdefghijklmnopqrst";

    private ApiTokensForTests() {
    }

    /** The {@code http.tokens} value: operations, one per tenant, and the instances' service token. */
    public static String setting() {
        return String.join(";", List.of(
                ApiTokens.line(Caller.operations("test-operator"), OPERATIONS),
                ApiTokens.line(Caller.ofTenant("nifty-staff", "nifty"), NIFTY),
                ApiTokens.line(Caller.ofTenant("biglobe-staff", "biglobe"), BIGLOBE),
                ApiTokens.line(new Caller("tracker-peer", io.resetflow.core.http.ApiRole.SERVICE, Optional.empty()),
                        SERVICE)));
    }
}
