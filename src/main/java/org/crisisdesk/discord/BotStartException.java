package org.crisisdesk.discord;

/** The bot could not log in or register its commands; the message is fit to show the operator. */
public final class BotStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public BotStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
