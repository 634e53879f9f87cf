package io.resetflow.core.identity;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The key breach rows are written under, so that every occurrence of a mailbox lands on the same
 * partition without the import holding the mailbox-id secret. It is a 16-bit hash of the normalized
 * address in four hex digits: a bucket shared by one in 65,536 addresses, not a name for a mailbox,
 * because keys end up in logs and tools and an unkeyed hash of an address could be reversed by
 * hashing guesses. 65,536 buckets still spread evenly over any sensible partition count.
 */
public final class PartitionKeys {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final int BUCKET_MASK = 0xffff;

    private PartitionKeys() {
    }

    /** The key of an address already normalized by {@link AddressNormalizer}. */
    public static String of(String normalizedAddress) {
        int bucket = Utils.murmur2(normalizedAddress.getBytes(StandardCharsets.UTF_8)) & BUCKET_MASK;
        return new String(new char[] {HEX[bucket >>> 12], HEX[(bucket >>> 8) & 0xf], HEX[(bucket >>> 4) & 0xf],
                HEX[bucket & 0xf]});
    }
}
