package dev.alexalink.checker;

/** A command-line value that breaks a rule; the message names the option, the value and the rule. */
public final class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
