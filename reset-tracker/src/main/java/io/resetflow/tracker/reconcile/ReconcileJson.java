package io.resetflow.tracker.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reconciliation for machines: every figure, every counter check and the listed mismatches. */
public final class ReconcileJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReconcileJson() {
    }

    public static ObjectNode of(ReconcileResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("clean", result.clean());
        root.put("reconciledTo", result.reconciledTo().toString());
        root.put("campaignTime", result.campaignTime().toString());
        root.put("mailboxes", result.mailboxes());
        root.put("recordsRead", result.recordsRead());
        root.put("factsRead", result.factsRead());
        root.put("tookMillis", result.took().toMillis());
        root.set("intake", JSON.valueToTree(result.intake()));
        ((ObjectNode) root.get("intake")).put("rowsAddUp", result.intake().rowsAddUp());
        ObjectNode tenants = root.putObject("tenants");
        result.tenants().forEach((id, t) -> tenants.set(id, tenant(t, result.counters().get(id))));
        root.put("mismatchCount", result.mismatchCount());
        ObjectNode byKind = root.putObject("mismatchesByKind");
        result.mismatchesByKind().forEach((kind, n) -> byKind.put(kind.name(), n));
        ArrayNode listed = root.putArray("mismatches");
        for (Mismatch mismatch : result.mismatches()) {
            ObjectNode m = listed.addObject();
            m.put("kind", mismatch.kind().name());
            m.put("tenant", mismatch.tenant());
            m.put("mailboxId", mismatch.mailboxId());
            m.put("detail", mismatch.detail());
        }
        root.put("mismatchesListed", result.mismatches().size());
        root.set("unreadableByTopic", JSON.valueToTree(result.unreadableByTopic()));
        return root;
    }

    public static String text(ReconcileResult result) {
        try {
            return JSON.writeValueAsString(of(result));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(ReconcileResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), of(result));
    }

    private static ObjectNode tenant(TenantRecount t, CounterCheck counters) {
        ObjectNode node = tenantFigures(t);
        if (counters != null) {
            ObjectNode c = node.putObject("counters");
            c.put("verdict", counters.verdict().name());
            c.put("publishedTotal", counters.publishedTotal());
            c.put("asOf", counters.asOf() == null ? null : counters.asOf().toString());
        }
        return node;
    }

    /** One tenant's recounted figures (the report shows the same ones). */
    public static ObjectNode tenantFigures(TenantRecount t) {
        ObjectNode node = JSON.createObjectNode();
        node.put("validRows", t.validRows());
        node.put("duplicates", t.duplicates());
        node.put("accepted", t.accepted());
        node.put("tracked", t.tracked());
        node.put("remediated", t.remediated());
        ObjectNode pending = node.putObject("pending");
        pending.put("atIntake", t.pendingAtIntake());
        pending.put("atTracker", t.pendingAtTracker());
        pending.put("noticesInFlight", t.noticesInFlight());
        node.set("byState", JSON.valueToTree(t.byState()));
        node.set("byStateAndReason", JSON.valueToTree(t.byStateAndReason()));
        node.set("byLifecycle", JSON.valueToTree(t.byLifecycle()));
        node.set("remediatedByLifecycle", JSON.valueToTree(t.remediatedByLifecycle()));
        node.set("byCredentialStorage", JSON.valueToTree(t.byCredentialStorage()));
        node.set("remediatedByCredentialStorage", JSON.valueToTree(t.remediatedByCredentialStorage()));
        node.set("noticesRequested", JSON.valueToTree(t.noticesRequested()));
        node.set("noticesByOutcome", JSON.valueToTree(t.noticesByOutcome()));
        node.set("deliveriesByChannel", JSON.valueToTree(t.deliveriesByChannel()));
        ObjectNode commands = node.putObject("commands");
        commands.set("issued", JSON.valueToTree(t.commandsIssued()));
        commands.put("reissued", t.commandsReissued());
        commands.put("cancelled", t.commandsCancelled());
        commands.put("open", t.commandsOpen());
        commands.set("answers", JSON.valueToTree(t.answers()));
        return node;
    }
}
