package org.crisisdesk.cli;

/** The command line was wrong: exit status 2, with the message and a pointer to the usage. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
