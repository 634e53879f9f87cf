package io.resetflow.core.access;

import java.util.Comparator;
import java.util.Locale;
import org.apache.kafka.common.acl.AclBinding;

/** One ACL binding as one stable, sortable line, for plans and audits. */
final class AclText {

    static final Comparator<AclBinding> ORDER = Comparator.comparing(AclText::of);

    private AclText() {
    }

    static String of(AclBinding binding) {
        var entry = binding.entry();
        var pattern = binding.pattern();
        String host = entry.host().equals("*") ? "" : " from " + entry.host();
        return entry.principal() + " " + entry.permissionType().name() + " " + entry.operation().name() + " on "
                + pattern.resourceType().name().toLowerCase(Locale.ROOT) + " " + pattern.name()
                + (pattern.patternType().name().equals("PREFIXED") ? "*" : "") + host;
    }
}
