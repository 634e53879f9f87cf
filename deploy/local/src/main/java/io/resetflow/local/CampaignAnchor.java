package io.resetflow.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * The instant the local campaign started, kept in the data directory: the accelerated campaign
 * clock is anchored there, so a second start continues the same campaign instead of a new one.
 */
final class CampaignAnchor {

    private static final String FILE = "campaign.properties";
    private static final String START = "campaign.start";

    private CampaignAnchor() {
    }

    static Instant startIn(Path dataDir, Instant now) {
        Path file = dataDir.resolve(FILE);
        Properties props = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    props.load(reader);
                }
                return Instant.parse(props.getProperty(START));
            }
            Files.createDirectories(dataDir);
            props.setProperty(START, now.toString());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(writer, "Anchor of the local campaign clock");
            }
            return now;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the campaign anchor in " + file, e);
        }
    }
}
