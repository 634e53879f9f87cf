package io.resetflow.notifier.render;

import com.github.mustachejava.Mustache;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders a request with its tenant's templates: Japanese first, then the English part. */
public final class NoticeRenderer {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String LANGUAGE_SEPARATOR = "\n----------------------------------------------------------------\n"
            + "(English follows)\n\n";
    private static final DateTimeFormatter DEADLINE_JA =
            DateTimeFormatter.ofPattern("uuuu年M月d日 H時mm分", Locale.JAPAN).withZone(TOKYO);
    private static final DateTimeFormatter DEADLINE_EN =
            DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm 'JST'", Locale.ENGLISH).withZone(TOKYO);

    private final NoticeTemplates templates;

    public NoticeRenderer(NoticeTemplates templates) {
        this.templates = templates;
    }

    public RenderedNotice render(NotificationRequest request, Tenant tenant) {
        NoticeTemplateSet set = templates.of(tenant.id(), request.getKind());
        Map<String, Object> model = model(request, tenant);
        String subject = run(set.subject(), model).strip();
        model.put("subject", subject);
        String text = run(set.japaneseText(), model).stripTrailing() + "\n" + LANGUAGE_SEPARATOR
                + run(set.englishText(), model).stripTrailing() + "\n";
        Optional<String> html = set.html().map(template -> run(template, model));
        return new RenderedNotice(subject, text, html);
    }

    /** Only the Japanese or only the English text, for golden files and review. */
    public String renderLanguage(NotificationRequest request, Tenant tenant, Locale language) {
        NoticeTemplateSet set = templates.of(tenant.id(), request.getKind());
        Mustache template = Locale.JAPANESE.getLanguage().equals(language.getLanguage())
                ? set.japaneseText() : set.englishText();
        return run(template, model(request, tenant));
    }

    private static Map<String, Object> model(NotificationRequest request, Tenant tenant) {
        Map<String, Object> model = new HashMap<>();
        String brand = request.getBrand() == null || request.getBrand().isBlank() ? tenant.defaultBrand()
                : request.getBrand();
        model.put("brand", brand);
        model.put("ispName", tenant.nameJa());
        model.put("ispNameEn", tenant.name());
        model.put("supportDesk", tenant.mail().supportDesk());
        model.put("mailboxAddress", request.getMailboxAddress());
        model.put("noticeId", request.getNotificationId());
        model.put("deadlineJa", DEADLINE_JA.format(request.getDeadline()));
        model.put("deadlineEn", DEADLINE_EN.format(request.getDeadline()));
        model.put("reminderNumber", Math.max(1, request.getSequence()));
        return model;
    }

    private static String run(Mustache template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        template.execute(out, model);
        return out.toString();
    }
}
