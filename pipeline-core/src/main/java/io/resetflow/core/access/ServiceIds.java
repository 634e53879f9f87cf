package io.resetflow.core.access;

/**
 * The Kafka identities of ResetFlow's services: each Streams application id (its consumer group,
 * the prefix of its internal topics and transactional ids) and the notifier's group and
 * transactional-id prefix. The access policy grants each service exactly these.
 */
public record ServiceIds(String intakeApplication, String trackerApplication, String notifierGroup,
                         String notifierTransactionalPrefix) {

    public static final ServiceIds DEFAULT =
            new ServiceIds("resetflow-intake", "reset-tracker", "resetflow-notifier", "resetflow-notifier");

    /** The same, with a deployment's own intake application id. */
    public ServiceIds withIntakeApplication(String applicationId) {
        return new ServiceIds(applicationId, trackerApplication, notifierGroup, notifierTransactionalPrefix);
    }

    /** The same, with a deployment's own tracker application id. */
    public ServiceIds withTrackerApplication(String applicationId) {
        return new ServiceIds(intakeApplication, applicationId, notifierGroup, notifierTransactionalPrefix);
    }
}
