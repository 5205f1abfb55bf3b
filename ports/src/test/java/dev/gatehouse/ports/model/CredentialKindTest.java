package dev.gatehouse.ports.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Kinds are found by the two-letter code their tokens carry, and by nothing else. */
class CredentialKindTest {

    @Test
    void eachCodeNamesItsKind() {
        assertThat(CredentialKind.fromCode("ak")).contains(CredentialKind.API_KEY);
        assertThat(CredentialKind.fromCode("wt")).contains(CredentialKind.WRITE_TOKEN);
        assertThat(CredentialKind.fromCode("rt")).contains(CredentialKind.READ_TOKEN);
    }

    @Test
    void anythingElseNamesNoKind() {
        assertThat(CredentialKind.fromCode("AK")).isEmpty();
        assertThat(CredentialKind.fromCode("a")).isEmpty();
        assertThat(CredentialKind.fromCode("WRITE_TOKEN")).isEmpty();
        assertThat(CredentialKind.fromCode("")).isEmpty();
        assertThat(CredentialKind.fromCode(null)).isEmpty();
    }
}
