package io.resetflow.core.topic;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The external topics a topology reads and writes by name, as its description lists them; its own
 * repartition topics (which Streams creates under the application id) are left out. A sink that picks
 * its topic per record is not named in the description and so not listed.
 */
public record TopologyTopics(Set<String> reads, Set<String> writes) {

    private static final String REPARTITION_SUFFIX = "-repartition";

    public static TopologyTopics of(Topology topology) {
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        TopologyDescription description = topology.describe();
        description.globalStores().forEach(store -> reads.addAll(store.source().topicSet()));
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().stream().filter(t -> !t.endsWith(REPARTITION_SUFFIX)).forEach(reads::add);
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null
                        && !sink.topic().endsWith(REPARTITION_SUFFIX)) {
                    writes.add(sink.topic());
                }
            }
        }
        return new TopologyTopics(reads, writes);
    }
}
