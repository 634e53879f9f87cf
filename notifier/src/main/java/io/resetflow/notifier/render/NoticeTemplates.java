package io.resetflow.notifier.render;

import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheFactory;
import io.resetflow.avro.NoticeKind;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every tenant's templates for every notice kind, compiled and checked once at start-up: a missing
 * part, a syntax error or a link outside the tenant's portal hosts stops the notifier.
 */
public final class NoticeTemplates {

    private final Map<String, Map<NoticeKind, NoticeTemplateSet>> byTenant;

    private NoticeTemplates(Map<String, Map<NoticeKind, NoticeTemplateSet>> byTenant) {
        this.byTenant = byTenant;
    }

    public static NoticeTemplates load(Tenants tenants, TemplateSource source) {
        MustacheFactory text = MustacheFactories.text();
        MustacheFactory html = MustacheFactories.html();
        List<String> problems = new ArrayList<>();
        Map<String, Map<NoticeKind, NoticeTemplateSet>> byTenant = new HashMap<>();
        for (Tenant tenant : tenants.all()) {
            LinkPolicy links = new LinkPolicy(tenant.mail().portalHosts());
            Map<NoticeKind, NoticeTemplateSet> kinds = new EnumMap<>(NoticeKind.class);
            for (NoticeKind kind : NoticeKind.values()) {
                Map<TemplatePart, Mustache> parts = new EnumMap<>(TemplatePart.class);
                for (TemplatePart part : TemplatePart.values()) {
                    Optional<TemplateText> found = source.find(tenant.id(), kind, part);
                    if (found.isEmpty()) {
                        if (part.required()) {
                            problems.add(tenant.id() + "/" + NoticeKinds.folder(kind) + ": no " + part.fileName());
                        }
                        continue;
                    }
                    TemplateText template = found.get();
                    links.violations(template.text())
                            .forEach(problem -> problems.add(template.origin() + " (tenant " + tenant.id() + "): " + problem));
                    try {
                        MustacheFactory factory = part.html() ? html : text;
                        parts.put(part, factory.compile(new StringReader(template.text()),
                                tenant.id() + "/" + template.origin()));
                    } catch (MustacheException e) {
                        problems.add(template.origin() + ": " + e.getMessage());
                    }
                }
                if (parts.keySet().containsAll(List.of(TemplatePart.SUBJECT, TemplatePart.JAPANESE_TEXT,
                        TemplatePart.ENGLISH_TEXT))) {
                    kinds.put(kind, new NoticeTemplateSet(parts.get(TemplatePart.SUBJECT),
                            parts.get(TemplatePart.JAPANESE_TEXT), parts.get(TemplatePart.ENGLISH_TEXT),
                            Optional.ofNullable(parts.get(TemplatePart.HTML))));
                }
            }
            byTenant.put(tenant.id(), kinds);
        }
        if (!problems.isEmpty()) {
            throw new TemplateValidationException(problems);
        }
        return new NoticeTemplates(byTenant);
    }

    public NoticeTemplateSet of(String tenant, NoticeKind kind) {
        Map<NoticeKind, NoticeTemplateSet> kinds = byTenant.get(tenant);
        if (kinds == null) {
            throw new IllegalArgumentException("no templates for tenant " + tenant);
        }
        return kinds.get(kind);
    }
}
