package org.paraterm;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed database statement means, in words for the person who asked: never the statement
 * itself, its values or the driver's message, which H2 and PostgreSQL fill with SQL. The exception
 * goes whole to the server's log, where whoever runs the database can read it. A command run in a
 * terminal ({@code ingest}, {@code import}, …) has no other log than that terminal, so there the
 * log line names the failure, its reason and SQLSTATE only, and the whole exception is logged at DEBUG.
 *
 * <p>The reason is read from the SQLSTATE class, which H2 and PostgreSQL share for the failures
 * ordinary input can cause.
 */
public final class DatabaseFailure {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailure.class);

    /** Whether the log gets the whole exception at WARN: true in a server, false for a terminal's command. */
    private static volatile boolean wholeExceptionInLog = true;

    private DatabaseFailure() {
    }

    /** For a command run in a terminal: failures are logged without their statements (see the class comment). */
    public static void keepStatementsOutOfTheLog() {
        wholeExceptionInLog = false;
    }

    /**
     * Logs the exception with what was being done, and returns the reason as a clause
     * ("a value is longer than its database column allows") to follow the caller's own words.
     *
     * @param doing what failed, for the log: "storing document x.txt"
     */
    public static String explain(String doing, SQLException error) {
        if (wholeExceptionInLog) {
            LOG.warn("{} failed in the database", doing, error);
        } else {
            LOG.warn("{} failed in the database: {} (state {})", doing, reason(error), state(error));
            LOG.debug("{} failed in the database", doing, error);
        }
        return reason(error);
    }

    /** The reason alone, without logging. */
    public static String reason(SQLException error) {
        String state = state(error);
        return switch (state) {
            case "22001" -> "a value is longer than its database column allows";
            case "23502" -> "a value the database requires is missing";
            case "23503" -> "it refers to something the database does not hold";
            case "23505" -> "the database already holds an item with the same name or key";
            case "23513", "23514" -> "a value breaks one of the database's checks";
            case "25006", "90097" -> "the database is read-only";
            default -> switch (state.length() < 2 ? "" : state.substring(0, 2)) {
                case "08" -> "the database cannot be reached";
                case "22" -> "the database cannot store one of its values";
                case "23" -> "it conflicts with what the database already holds";
                case "40" -> "the database gave up because of a simultaneous change; try again";
                case "42" -> "the database does not have the tables this version of paraterm expects";
                case "53" -> "the database is out of disk space or memory";
                case "57" -> "the database stopped the work (it was cancelled or is shutting down)";
                default -> "the database failed" + (state.isEmpty() ? "" : " (SQL state " + state + ")");
            };
        };
    }

    /** The first SQLSTATE given by the exception, the exceptions chained to it, or its causes. */
    private static String state(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && !next.getSQLState().isBlank()) {
                        return next.getSQLState();
                    }
                    if (next.getNextException() == next) {
                        break;
                    }
                }
            }
        }
        return "";
    }
}
