package io.resetflow.breachfile;

/** The import could not finish: the file could not be read or the broker did not take the rows. */
public final class ImportFailedException extends Exception {

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
