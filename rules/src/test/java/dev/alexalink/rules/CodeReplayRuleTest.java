package dev.alexalink.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeReplayRuleTest {

    @Test
    void aRefusedCodeOfAKnownSessionRevokesTheFirstExchange() {
        assertThat(CodeReplayRule.revokesFirstExchange(
                        "CODE_TO_TOKEN_ERROR", "invalid_code", "6hagTsj_ynlKG8cjcKo6W-9N"))
                .isTrue();
    }

    @Test
    void otherFailuresAndUnknownSessionsDoNot() {
        assertThat(CodeReplayRule.revokesFirstExchange("CODE_TO_TOKEN_ERROR", "invalid_code", null))
                .as("unparseable code")
                .isFalse();
        assertThat(CodeReplayRule.revokesFirstExchange("CODE_TO_TOKEN_ERROR", "invalid_code", " "))
                .isFalse();
        assertThat(CodeReplayRule.revokesFirstExchange("CODE_TO_TOKEN_ERROR", "invalid_client_credentials", "s"))
                .as("wrong secret")
                .isFalse();
        assertThat(CodeReplayRule.revokesFirstExchange("REFRESH_TOKEN_ERROR", "invalid_code", "s"))
                .isFalse();
        assertThat(CodeReplayRule.revokesFirstExchange("CODE_TO_TOKEN", null, "s"))
                .isFalse();
    }
}
