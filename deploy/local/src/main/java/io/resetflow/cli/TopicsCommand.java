package io.resetflow.cli;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.topic.TopicCreator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Creates every topic the tenant list calls for, before any service starts. */
@Command(name = "topics", description = "Manage ResetFlow's topics.", mixinStandardHelpOptions = true,
        subcommands = TopicsCommand.Create.class)
public final class TopicsCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("name a subcommand: resetflow topics create");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create the shared and per-tenant topics that do not exist yet "
                    + "(partitions and replication from topics.partitions / topics.replication.factor).")
    static final class Create implements Callable<Integer> {

        @Mixin
        ClientOptions client;

        @Override
        public Integer call() {
            CommonConfig config = client.config();
            List<NewTopic> topics = config.topicPlan().topics(config.tenants());
            try (Admin admin = Admin.create(config.kafkaClientProperties())) {
                List<String> created = TopicCreator.createMissing(admin, topics);
                System.out.printf("%d topics planned, %d created%n", topics.size(), created.size());
                created.forEach(name -> System.out.println("  created " + name));
            }
            return 0;
        }
    }
}
