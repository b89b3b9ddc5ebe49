package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedLinesTest {

    @Test
    void writesAKindOncePerPeriodAndCountsWhatItHeldBack() {
        RepeatedLines lines = new RepeatedLines(10_000);

        assertThat(lines.write("a", 0)).hasValue(0);
        assertThat(lines.write("a", 1)).isEmpty();
        assertThat(lines.write("a", 9_999)).isEmpty();
        assertThat(lines.write("b", 5)).as("another kind").hasValue(0);
        assertThat(lines.write("a", 10_000)).hasValue(2);
        assertThat(lines.write("a", 20_000)).hasValue(0);
    }

    @Test
    void remembersABoundedNumberOfKinds() {
        RepeatedLines lines = new RepeatedLines(10_000);
        for (int i = 0; i < RepeatedLines.MAX_KINDS; i++) {
            lines.write("kind " + i, 0);
        }
        assertThat(lines.write("kind 0", 1)).isEmpty();

        assertThat(lines.write("one more", 1)).as("a new kind past the limit").hasValue(0);
        assertThat(lines.write("kind 0", 2)).as("forgotten with the rest").hasValue(0);
    }
}
