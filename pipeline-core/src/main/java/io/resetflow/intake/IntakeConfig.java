package io.resetflow.intake;

import io.resetflow.core.config.CommonConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Intake settings: the common ones plus the Streams application id. */
public final class IntakeConfig extends CommonConfig {

    public static final String APPLICATION_ID = "intake.application.id";
    public static final String DEFAULT_APPLICATION_ID = "resetflow-intake";

    public IntakeConfig(Map<String, ?> values) {
        super(CommonConfig.definition()
                .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, Importance.MEDIUM,
                        "Kafka Streams application id of intake (consumer group, internal topic prefix)."),
                values);
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }
}
