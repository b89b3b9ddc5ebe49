package dev.alexalink.checker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyCheckTest {

    private static TokenClient.Answer took(String label, long millis) {
        return new TokenClient.Answer(label, 200, "application/json", null, "{}", null, millis, null);
    }

    @Test
    void theSlowestAnswerDecides() {
        assertThat(LatencyCheck.judge(List.of(took("a", 40), took("b", 120), took("c", 60))))
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.PASS))
                .satisfies(c -> assertThat(c.detail())
                        .contains("3 answers", "fastest 40 ms", "median 60 ms", "slowest 120 ms (b)"));
        assertThat(LatencyCheck.judge(List.of(took("a", 40), took("refresh", 2500)))
                        .outcome())
                .isEqualTo(Outcome.WARN);
        Check slow = LatencyCheck.judge(List.of(took("code exchange", 4501)));
        assertThat(slow.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(slow.detail()).contains("1 answer:", "4501 ms", "limit is 4500 ms");
        assertThat(slow.fix()).contains("'code exchange'");
        assertThat(LatencyCheck.judge(List.of(took("a", 4500))).outcome()).isEqualTo(Outcome.WARN);
    }

    @Test
    void answersThatNeverCameAreNotTimed() {
        TokenClient.Answer none = new TokenClient.Answer("a", 0, null, null, null, null, 15000, "no answer");
        assertThat(LatencyCheck.judge(List.of(none)).outcome()).isEqualTo(Outcome.SKIP);
        assertThat(LatencyCheck.judge(List.of(none, took("b", 10))).outcome()).isEqualTo(Outcome.PASS);
    }
}
