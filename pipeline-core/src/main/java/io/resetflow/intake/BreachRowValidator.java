package io.resetflow.intake;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.BreachRow;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.RejectReason;
import io.resetflow.avro.RejectedRow;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.identity.PartitionKeys;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import java.time.Instant;
import java.text.Normalizer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Validates and normalizes one breach row. Rules, in the order they are checked:
 * <ol>
 *   <li>an address is present ({@code MISSING_ADDRESS}) and, after NFKC / trim / lower-case, is a
 *       plausible mailbox address ({@code INVALID_ADDRESS});</li>
 *   <li>the tenant is the row's tenant column, which must be configured ({@code UNKNOWN_TENANT}) and
 *       must not contradict a domain owned by another tenant ({@code TENANT_DOMAIN_MISMATCH}); without a
 *       tenant column it is the owner of the address's domain ({@code UNKNOWN_TENANT} when none);</li>
 *   <li>lifecycle and credential storage, when stated, are known values ({@code INVALID_LIFECYCLE},
 *       {@code INVALID_CREDENTIAL_STORAGE}).</li>
 * </ol>
 * A valid row comes back with every field canonical (lifecycle and storage as enum symbols, brand
 * defaulted to the tenant's first brand, an unusable or self-referencing contact address dropped)
 * with its mailbox id and partition key.
 */
public final class BreachRowValidator {

    private final Tenants tenants;
    private final Consumer<String> unknownBrand;
    private final MailboxIds mailboxIds;

    public BreachRowValidator(Tenants tenants, MailboxIds mailboxIds) {
        this(tenants, mailboxIds, tenant -> { });
    }

    public BreachRowValidator(Tenants tenants, MailboxIds mailboxIds, Consumer<String> unknownBrand) {
        this.unknownBrand = unknownBrand;
        this.tenants = tenants;
        this.mailboxIds = mailboxIds;
    }

    public RowVerdict check(BreachRow row, Instant now) {
        if (FieldParsers.isBlank(row.getAddress())) {
            return reject(row, now, RejectReason.MISSING_ADDRESS, "the row has no address");
        }
        Optional<String> address = AddressNormalizer.normalizeValid(row.getAddress());
        if (address.isEmpty()) {
            return reject(row, now, RejectReason.INVALID_ADDRESS, "the address is not a valid mailbox address");
        }
        String domain = AddressNormalizer.domainOf(address.get());
        Optional<Tenant> owner = tenants.byDomain(domain);
        String stated = FieldParsers.canonical(row.getTenant());
        Tenant tenant;
        if (stated.isEmpty()) {
            if (owner.isEmpty()) {
                return reject(row, now, RejectReason.UNKNOWN_TENANT,
                        "no tenant given and domain " + domain + " belongs to no configured tenant");
            }
            tenant = owner.get();
        } else {
            Optional<Tenant> named = tenants.byId(stated);
            if (named.isEmpty()) {
                return reject(row, now, RejectReason.UNKNOWN_TENANT, "tenant '" + stated + "' is not configured");
            }
            if (owner.isPresent() && !owner.get().id().equals(stated)) {
                return reject(row, now, RejectReason.TENANT_DOMAIN_MISMATCH,
                        "domain " + domain + " belongs to " + owner.get().id() + ", not " + stated);
            }
            tenant = named.get();
        }
        Optional<AccountLifecycle> lifecycle = FieldParsers.lifecycle(row.getLifecycle());
        if (lifecycle.isEmpty()) {
            return reject(row, now, RejectReason.INVALID_LIFECYCLE,
                    "lifecycle '" + FieldParsers.canonical(row.getLifecycle()) + "' is not active, inactive or former");
        }
        Optional<CredentialStorage> storage = FieldParsers.credentialStorage(row.getCredentialStorage());
        if (storage.isEmpty()) {
            return reject(row, now, RejectReason.INVALID_CREDENTIAL_STORAGE, "credential storage '"
                    + FieldParsers.canonical(row.getCredentialStorage()) + "' is not plaintext, hashed or encrypted");
        }
        // Every field is set here: a builder copied from the row would deep-copy each field first.
        BreachRow normalized = BreachRow.newBuilder()
                .setSource(row.getSource())
                .setImportedAt(row.getImportedAt())
                .setAddress(address.get())
                .setTenant(tenant.id())
                .setBrand(brand(row.getBrand(), tenant))
                .setLifecycle(lifecycle.get().name())
                .setCredentialStorage(storage.get().name())
                .setContactAddress(contactAddress(row.getContactAddress(), address.get()))
                .setAccountId(FieldParsers.isBlank(row.getAccountId()) ? null : row.getAccountId().strip())
                .build();
        return new RowVerdict.Valid(mailboxIds.of(address.get()), PartitionKeys.of(address.get()), normalized);
    }

    /**
     * One of the tenant's configured brands, as configured: a brand the tenant does not have becomes
     * its default brand, counted, so no text from the breach file reaches a mail.
     */
    private String brand(String raw, Tenant tenant) {
        if (FieldParsers.isBlank(raw)) {
            return tenant.defaultBrand();
        }
        String wanted = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        for (String brand : tenant.brands()) {
            if (Normalizer.normalize(brand, Normalizer.Form.NFKC).equalsIgnoreCase(wanted)) {
                return brand;
            }
        }
        unknownBrand.accept(tenant.id());
        return tenant.defaultBrand();
    }

    private static String contactAddress(String raw, String mailbox) {
        return AddressNormalizer.normalizeValid(raw).filter(contact -> !contact.equals(mailbox)).orElse(null);
    }

    private static RowVerdict reject(BreachRow row, Instant now, RejectReason reason, String detail) {
        return new RowVerdict.Invalid(RejectedRow.newBuilder()
                .setReason(reason)
                .setDetail(detail)
                .setSource(row.getSource())
                .setTenant(row.getTenant())
                .setAddress(row.getAddress())
                .setRejectedAt(now)
                .build());
    }
}
