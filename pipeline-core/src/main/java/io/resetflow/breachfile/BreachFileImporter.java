package io.resetflow.breachfile;

import io.resetflow.avro.BreachRow;
import io.resetflow.avro.SourceReference;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.identity.PartitionKeys;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Streams a breach file into the breach topic, one {@link BreachRow} per data row, keyed by the
 * partition key of its normalized address ({@link PartitionKeys}): every occurrence of a mailbox
 * lands on one partition, where intake de-duplicates it without a repartition, so re-importing a
 * file creates no new work. The import does not hold the mailbox-id secret and the key names no
 * address. Rows go out as fast as the producer's buffer allows; the first failed send stops the import.
 */
public final class BreachFileImporter {

    /** What to import. */
    public record Request(Path file, BreachFileFormat format, Charset charset, Path rejectsFile, String importId,
                          int maxLineLength) {

        public static final int DEFAULT_MAX_LINE_LENGTH = 4096;

        public Request(Path file, BreachFileFormat format, Charset charset, Path rejectsFile, String importId) {
            this(file, format, charset, rejectsFile, importId, DEFAULT_MAX_LINE_LENGTH);
        }
    }

    private final Producer<String, BreachRow> producer;
    private final String topic;
    private final Clock clock;

    public BreachFileImporter(Producer<String, BreachRow> producer, String topic, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    public ImportSummary run(Request request, ImportProgress progress) throws ImportFailedException {
        long started = System.nanoTime();
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        String fileName = request.file().getFileName().toString();
        long read = 0;
        long unparseable = 0;
        long blank = 0;
        try (BreachFileReader reader = new BreachFileReader(request.file(), request.format(), request.charset(),
                request.maxLineLength());
             RejectsFile rejects = new RejectsFile(request.rejectsFile())) {
            for (ParsedLine line = reader.next(); line != null; line = reader.next()) {
                if (line instanceof ParsedLine.Row row) {
                    read++;
                    BreachRow breachRow = toBreachRow(row, fileName, request.importId());
                    producer.send(new ProducerRecord<>(topic, partitionKey(breachRow.getAddress()), breachRow),
                            (metadata, error) -> {
                                if (error == null) {
                                    acknowledged.incrementAndGet();
                                } else {
                                    sendFailure.compareAndSet(null, error);
                                }
                            });
                } else if (line instanceof ParsedLine.Unparseable bad) {
                    unparseable++;
                    rejects.add(bad);
                } else {
                    blank++;
                }
                if (sendFailure.get() != null) {
                    throw brokerFailure(sendFailure.get());
                }
                if ((read & 1023) == 0) {
                    progress.update(read, reader.bytesRead());
                }
            }
            producer.flush();
            if (sendFailure.get() != null) {
                throw brokerFailure(sendFailure.get());
            }
            progress.update(read, reader.bytesRead());
            return new ImportSummary(request.importId(), read, acknowledged.get(), unparseable, blank,
                    reader.droppedColumns(), reader.ignoredColumns(),
                    rejects.written() ? Optional.of(rejects.path()) : Optional.empty(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (java.io.EOFException e) {
            producer.flush();
            throw new ImportFailedException(request.file() + " ends before its end (a truncated gzip?): " + read
                    + " rows were read and " + acknowledged.get() + " sent before it; importing the complete file "
                    + "again is safe, intake drops the rows it already has", e);
        } catch (IOException e) {
            throw new ImportFailedException("cannot read " + request.file() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ImportFailedException(request.file() + ": " + e.getMessage(), e);
        } catch (KafkaException e) {
            throw brokerFailure(e);
        }
    }

    private BreachRow toBreachRow(ParsedLine.Row row, String fileName, String importId) {
        return BreachRow.newBuilder()
                .setSource(SourceReference.newBuilder().setFile(fileName).setLine(row.line()).setImportId(importId).build())
                .setAddress(row.value(BreachFileColumn.ADDRESS))
                .setTenant(row.value(BreachFileColumn.TENANT))
                .setBrand(row.value(BreachFileColumn.BRAND))
                .setLifecycle(row.value(BreachFileColumn.LIFECYCLE))
                .setCredentialStorage(row.value(BreachFileColumn.CREDENTIAL_STORAGE))
                .setContactAddress(row.value(BreachFileColumn.CONTACT_ADDRESS))
                .setAccountId(row.value(BreachFileColumn.ACCOUNT_ID))
                .setImportedAt(clock.instant())
                .build();
    }

    /** Rows without an address get no key: intake rejects them wherever they land. */
    private static String partitionKey(String address) {
        return address == null || address.isBlank() ? null : PartitionKeys.of(AddressNormalizer.normalize(address));
    }

    private ImportFailedException brokerFailure(Exception error) {
        return new ImportFailedException("the broker did not accept the rows for " + topic + ": " + error.getMessage(),
                error);
    }
}
