package io.resetflow.embedded.registry;

/** A failure the REST API reports as it is: an HTTP status and a Confluent error code. */
final class RegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    RegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(String subject, String version) {
        return new RegistryException(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryException schemaNotFound(String what) {
        return new RegistryException(404, 40403, "Schema " + what + " not found.");
    }

    static RegistryException invalidSchema(String detail) {
        return new RegistryException(422, 42201, "Invalid schema: " + detail);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(422, 42203, "Invalid compatibility level '" + level
                + "'. Valid values are: NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL,"
                + " FULL_TRANSITIVE");
    }

    static RegistryException incompatible(String subject, CompatibilityLevel level, Iterable<String> problems) {
        return new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for"
                + " subject '" + subject + "' under " + level + ": " + String.join("; ", problems));
    }

    static RegistryException malformedRequest(String detail) {
        return new RegistryException(400, 400, "Malformed request: " + detail);
    }

    static RegistryException routeNotFound(String path) {
        return new RegistryException(404, 404, "HTTP 404 Not Found: " + path);
    }

    static RegistryException methodNotAllowed(String method, String path) {
        return new RegistryException(405, 405, "HTTP 405 Method Not Allowed: " + method + " " + path);
    }

    static RegistryException storeError(String detail, Throwable cause) {
        return new RegistryException(500, 50001, "Error in the backend data store: " + detail, cause);
    }
}
