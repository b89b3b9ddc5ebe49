package dev.alexalink.checker;

/** How a check came out. Only {@link #FAIL} makes the checker exit non-zero. */
public enum Outcome {
    PASS,
    WARN,
    FAIL,
    SKIP
}
