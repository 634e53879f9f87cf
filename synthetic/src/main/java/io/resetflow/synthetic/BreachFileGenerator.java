package io.resetflow.synthetic;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.RejectReason;
import io.resetflow.breachfile.BreachFileColumn;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.intake.PriorityRule;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a synthetic, deterministic affected-mailbox CSV: {@code mailboxes} distinct mailboxes spread
 * over the configured tenants by their {@code share}, on their own domains, each followed with
 * probability {@code dirtyShare} by one dirty line (a duplicate in another case or in full-width
 * characters, an invalid address, an unknown tenant, a domain of another tenant, a missing address, a
 * blank line, or a line no CSV reader can parse). Memory stays bounded: addresses are unique by
 * construction and duplicates are drawn from a small window of recent rows. No password column.
 */
public final class BreachFileGenerator {

    /** Generation knobs; {@code tenantColumnShare} of rows name their tenant, the rest leave it to the domain. */
    public record Options(long mailboxes, long seed, double dirtyShare, double contactShare, double tenantColumnShare) {

        public static Options of(long mailboxes, long seed) {
            return new Options(mailboxes, seed, 0.02, 0.35, 0.8);
        }
    }

    static final List<String> HEADER = Arrays.stream(BreachFileColumn.values()).map(BreachFileColumn::header).toList();
    private static final int RECENT = 4096;
    private static final String UNCONFIGURED_TENANT = "so-net";

    private enum Dirt { CASE_DUPLICATE, FULL_WIDTH_DUPLICATE, INVALID_ADDRESS, UNKNOWN_TENANT, OTHER_TENANTS_DOMAIN,
        MISSING_ADDRESS, BLANK_LINE, UNPARSEABLE_LINE }

    private static final Dirt[] DIRT_BY_WEIGHT = weighted(Dirt.CASE_DUPLICATE, 25, Dirt.FULL_WIDTH_DUPLICATE, 20,
            Dirt.INVALID_ADDRESS, 15, Dirt.UNKNOWN_TENANT, 12, Dirt.OTHER_TENANTS_DOMAIN, 8, Dirt.MISSING_ADDRESS, 5,
            Dirt.BLANK_LINE, 10, Dirt.UNPARSEABLE_LINE, 5);

    private final List<Tenant> tenants;
    private final double[] cumulativeShare;
    private final List<String> foreignDomains;
    private final String unconfiguredTenant;

    public BreachFileGenerator(Tenants tenants) {
        this.tenants = tenants.all().stream().filter(t -> !t.domains().isEmpty()).toList();
        if (this.tenants.isEmpty()) {
            throw new IllegalArgumentException("no tenant has a mail domain to generate addresses on");
        }
        double total = this.tenants.stream().mapToDouble(Tenant::share).sum();
        this.cumulativeShare = new double[this.tenants.size()];
        double running = 0;
        for (int i = 0; i < this.tenants.size(); i++) {
            running += total > 0 ? this.tenants.get(i).share() / total : 1.0 / this.tenants.size();
            cumulativeShare[i] = running;
        }
        this.foreignDomains = SyntheticMailboxes.FOREIGN_DOMAINS.stream()
                .filter(domain -> tenants.byDomain(domain).isEmpty()).toList();
        this.unconfiguredTenant = tenants.byId(UNCONFIGURED_TENANT).isEmpty() ? UNCONFIGURED_TENANT : "not-a-tenant";
    }

    public ExpectedCounts write(Options options, Writer out) throws IOException {
        SplittableRandom random = new SplittableRandom(options.seed());
        ExpectedCounts.Tally tally = new ExpectedCounts.Tally();
        String[][] recent = new String[RECENT][];
        long nextIndex = 0;
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        csv.printRecord(HEADER);
        tally.lines++;
        for (long mailbox = 0; mailbox < options.mailboxes(); mailbox++) {
            String[] row = cleanRow(nextIndex++, options, random);
            recent[(int) (mailbox % RECENT)] = row;
            csv.printRecord((Object[]) row);
            tally.lines++;
            tally.rowsSent++;
            String tenant = tenantOf(row);
            ExpectedCounts.Tally.add(tally.acceptedPerTenant, tenant);
            ExpectedCounts.Tally.add(tally.acceptedPerPriority, PriorityRule.of(
                    AccountLifecycle.valueOf(row[3].toUpperCase(Locale.ROOT)),
                    CredentialStorage.valueOf(row[4].toUpperCase(Locale.ROOT))).name());
            if (random.nextDouble() < options.dirtyShare()) {
                String[] earlier = recent[random.nextInt((int) Math.min(mailbox + 1, RECENT))];
                writeDirty(DIRT_BY_WEIGHT[random.nextInt(DIRT_BY_WEIGHT.length)], earlier, nextIndex++, random, csv,
                        out, tally);
            }
        }
        csv.flush();
        return tally.result(options.mailboxes(), options.seed());
    }

    private String[] cleanRow(long index, Options options, SplittableRandom random) {
        Tenant tenant = tenantFor(random.nextDouble());
        String domain = tenant.domains().size() == 1 || random.nextDouble() < 0.7 ? tenant.domains().get(0)
                : SyntheticMailboxes.pick(tenant.domains(), random);
        String address = SyntheticMailboxes.localPart(index, random) + "@" + domain;
        double lifecycle = random.nextDouble();
        double storage = random.nextDouble();
        return new String[] {
                address,
                random.nextDouble() < options.tenantColumnShare() ? tenant.id() : "",
                tenant.brands().isEmpty() || random.nextDouble() < 0.1 ? "" : SyntheticMailboxes.pick(tenant.brands(), random),
                lifecycle < 0.70 ? "active" : lifecycle < 0.88 ? "inactive" : "former",
                storage < 0.25 ? "plaintext" : storage < 0.75 ? "hashed" : "encrypted",
                random.nextDouble() < options.contactShare() ? SyntheticMailboxes.contactAddress(random) : "",
                random.nextDouble() < 0.6 ? String.format(Locale.ROOT, "%s-%010d", tenant.id(), index) : ""
        };
    }

    private void writeDirty(Dirt dirt, String[] earlier, long index, SplittableRandom random, CSVPrinter csv, Writer out,
                            ExpectedCounts.Tally tally) throws IOException {
        Tenant tenant = tenantFor(random.nextDouble());
        String local = SyntheticMailboxes.localPart(index, random);
        switch (dirt) {
            case CASE_DUPLICATE, FULL_WIDTH_DUPLICATE -> {
                String[] copy = earlier.clone();
                copy[0] = dirt == Dirt.CASE_DUPLICATE ? " " + earlier[0].toUpperCase(Locale.ROOT)
                        : SyntheticMailboxes.fullWidth(earlier[0]);
                sendRow(csv, copy, tally);
                ExpectedCounts.Tally.add(tally.duplicatesPerTenant, tenantOf(earlier));
            }
            case INVALID_ADDRESS -> {
                String address = invalidAddress(local, tenant.domains().get(0), random);
                sendRow(csv, dirtyRow(address, tenant.id()), tally);
                ExpectedCounts.Tally.add(tally.rejectsPerReason, RejectReason.INVALID_ADDRESS.name());
            }
            case UNKNOWN_TENANT -> {
                boolean namesUnconfigured = foreignDomains.isEmpty() || random.nextBoolean();
                String domain = foreignDomains.isEmpty() ? tenant.domains().get(0)
                        : SyntheticMailboxes.pick(foreignDomains, random);
                sendRow(csv, dirtyRow(local + "@" + domain, namesUnconfigured ? unconfiguredTenant : ""), tally);
                ExpectedCounts.Tally.add(tally.rejectsPerReason, RejectReason.UNKNOWN_TENANT.name());
            }
            case OTHER_TENANTS_DOMAIN -> {
                if (tenants.size() < 2) {
                    writeDirty(Dirt.MISSING_ADDRESS, earlier, index, random, csv, out, tally);
                    return;
                }
                Tenant owner = tenants.get((tenants.indexOf(tenant) + 1 + random.nextInt(tenants.size() - 1))
                        % tenants.size());
                sendRow(csv, dirtyRow(local + "@" + owner.domains().get(0), tenant.id()), tally);
                ExpectedCounts.Tally.add(tally.rejectsPerReason, RejectReason.TENANT_DOMAIN_MISMATCH.name());
            }
            case MISSING_ADDRESS -> {
                sendRow(csv, dirtyRow("", tenant.id()), tally);
                ExpectedCounts.Tally.add(tally.rejectsPerReason, RejectReason.MISSING_ADDRESS.name());
            }
            case BLANK_LINE -> {
                csv.println();
                tally.lines++;
                tally.blankLines++;
            }
            case UNPARSEABLE_LINE -> {
                // An unterminated quote, or more fields than the header has.
                out.write(random.nextBoolean()
                        ? "\"" + local + "@" + tenant.domains().get(0) + "," + tenant.id() + ",,active,hashed,,\n"
                        : local + "@" + tenant.domains().get(0) + "," + tenant.id() + ",,active,hashed,,,extra,fields\n");
                tally.lines++;
                tally.unparseableLines++;
            }
        }
    }

    private static String[] dirtyRow(String address, String tenant) {
        return new String[] {address, tenant, "", "active", "hashed", "", ""};
    }

    private static void sendRow(CSVPrinter csv, String[] row, ExpectedCounts.Tally tally) throws IOException {
        csv.printRecord((Object[]) row);
        tally.lines++;
        tally.rowsSent++;
    }

    private static String invalidAddress(String local, String domain, SplittableRandom random) {
        String address = switch (random.nextInt(5)) {
            case 0 -> local + "." + domain;
            case 1 -> local + "@@" + domain;
            case 2 -> local + "@";
            case 3 -> "@" + domain;
            default -> local + " " + local + "@" + domain;
        };
        if (AddressNormalizer.normalizeValid(address).isPresent()) {
            throw new IllegalStateException("generated 'invalid' address passes validation: " + address);
        }
        return address;
    }

    private String tenantOf(String[] row) {
        if (!row[1].isEmpty()) {
            return row[1];
        }
        String domain = AddressNormalizer.domainOf(row[0]);
        return tenants.stream().filter(t -> t.domains().contains(domain)).findFirst().orElseThrow().id();
    }

    private Tenant tenantFor(double draw) {
        for (int i = 0; i < cumulativeShare.length; i++) {
            if (draw < cumulativeShare[i]) {
                return tenants.get(i);
            }
        }
        return tenants.get(tenants.size() - 1);
    }

    private static Dirt[] weighted(Object... dirtAndWeight) {
        List<Dirt> table = new ArrayList<>();
        for (int i = 0; i < dirtAndWeight.length; i += 2) {
            for (int w = 0; w < (Integer) dirtAndWeight[i + 1]; w++) {
                table.add((Dirt) dirtAndWeight[i]);
            }
        }
        return table.toArray(Dirt[]::new);
    }
}
