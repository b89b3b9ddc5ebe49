package dev.alexalink.rules;

/**
 * One broken Alexa rule: which rule, and a sentence that names the offending value and how to fix it.
 */
public record Violation(String rule, String message) {

    @Override
    public String toString() {
        return "[" + rule + "] " + message;
    }
}
