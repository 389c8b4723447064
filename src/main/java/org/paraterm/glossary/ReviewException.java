package org.paraterm.glossary;

/** A review action that cannot be done as asked; the message says why, for the person who asked. */
public class ReviewException extends RuntimeException {

    public ReviewException(String message) {
        super(message);
    }
}
