package io.resetflow.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TenantsLoaderTest {

    private static Tenants parse(String yaml) {
        return TenantsLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void quietHoursTakeTheTenantsZoneAndFallBackToTheDefaults() {
        Tenants tenants = parse("""
                defaults:
                  policy:
                    quietHours: "20:00-09:00"
                tenants:
                  - id: tokyo
                    name: Tokyo ISP
                    brands: [T]
                    domains: [t.example.jp]
                  - id: island
                    name: Island ISP
                    brands: [I]
                    domains: [i.example.net]
                    policy:
                      zone: Pacific/Honolulu
                """);

        QuietHours tokyo = tenants.require("tokyo").policy().quietHours();
        QuietHours island = tenants.require("island").policy().quietHours();

        assertThat(tokyo).isEqualTo(new QuietHours(LocalTime.of(20, 0), LocalTime.of(9, 0), QuietHours.TOKYO));
        assertThat(island).isEqualTo(new QuietHours(LocalTime.of(20, 0), LocalTime.of(9, 0),
                ZoneId.of("Pacific/Honolulu")));
    }

    @Test
    void theBundledTenantsKeepTokyoNights() {
        assertThat(TenantsLoader.bundled().all()).allSatisfy(tenant ->
                assertThat(tenant.policy().quietHours()).isEqualTo(QuietHours.TOKYO_NIGHT));
    }
}
