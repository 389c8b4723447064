package org.paraterm;

import java.util.concurrent.locks.LockSupport;

/**
 * The named points inside the jobs that must survive a kill -9 (a document committed, candidates
 * written under an unfinished mining run, half an import, a restore's rows loaded but not
 * committed, an index half built), where the kill tests stop a child process to kill it exactly
 * there instead of after a guessed delay.
 *
 * <p>Test-only and harmless: nothing happens unless the JVM was started with
 * {@code -D}{@value #PROPERTY}{@code =NAME}, which only those tests do (KillRecoveryTest,
 * RestoreKillRecoveryTest, BackupAcrossDatabasesTest). Then the first thread to reach the point
 * NAME prints {@code paused at NAME} on standard output and waits there for ever, holding whatever
 * it holds (an open transaction, a lock), until the test kills the process.
 */
public final class KillPoint {

    public static final String PROPERTY = "paraterm.test.pause-at";

    /** A document loaded and committed by {@code CorpusLoader}, the rest of its folder not yet. */
    public static final String DOCUMENT_LOADED = "document-loaded";
    /** A mining run's candidates written (in committed batches) under a run not yet marked complete. */
    public static final String CANDIDATES_WRITTEN = "candidates-written";
    /** Half the entries of a glossary import written inside its one transaction. */
    public static final String IMPORT_HALF_WRITTEN = "import-half-written";
    /** Every row of a backup loaded into the restore's target, not yet committed. */
    public static final String RESTORE_ROWS_LOADED = "restore-rows-loaded";
    /** The first document added to the concordance index, nothing committed. */
    public static final String INDEX_HALF_BUILT = "index-half-built";

    private static final String PAUSE_AT = System.getProperty(PROPERTY, "");

    private KillPoint() {
    }

    /** Nothing, unless this JVM was told to pause at this point (see the class comment). */
    public static void reach(String name) {
        if (!PAUSE_AT.equals(name)) {
            return;
        }
        System.out.println("paused at " + name);
        System.out.flush();
        while (true) {
            LockSupport.park(KillPoint.class);
            Thread.interrupted(); // an interrupt must not turn the wait into a busy loop
        }
    }
}
