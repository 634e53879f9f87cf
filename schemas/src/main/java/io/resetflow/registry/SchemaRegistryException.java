package io.resetflow.registry;

/** A registry refused a request or could not be reached; carries the registry's error code. */
public class SchemaRegistryException extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;

    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        super(message + " (error code " + errorCode + ")");
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.errorCode = -1;
    }

    public int errorCode() {
        return errorCode;
    }
}
