package org.paraterm.backup;

/** A backup that cannot be written or restored, with a message that names the file, entry and line. */
public class BackupException extends Exception {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
