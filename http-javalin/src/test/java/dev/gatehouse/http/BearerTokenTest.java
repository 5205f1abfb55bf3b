package dev.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void the_bearer_scheme_is_read_in_any_case() {
        assertThat(BearerToken.from("Bearer gth_ak_abc", false)).isEqualTo("gth_ak_abc");
        assertThat(BearerToken.from("bearer gth_ak_abc", false)).isEqualTo("gth_ak_abc");
        assertThat(BearerToken.from("  BEARER   gth_ak_abc  ", false)).isEqualTo("gth_ak_abc");
    }

    @Test
    void a_bare_token_counts_only_where_allowed() {
        assertThat(BearerToken.from("gth_wt_abc", true)).isEqualTo("gth_wt_abc");
        assertThat(BearerToken.from("gth_wt_abc", false)).isNull();
    }

    @Test
    void anything_else_has_no_token() {
        assertThat(BearerToken.from(null, true)).isNull();
        assertThat(BearerToken.from("", true)).isNull();
        assertThat(BearerToken.from("   ", true)).isNull();
        assertThat(BearerToken.from("Bearer", false)).isNull();
        assertThat(BearerToken.from("Bearer ", true)).isNull();
        assertThat(BearerToken.from("Basic dXNlcjpwYXNz", true)).isNull();
        assertThat(BearerToken.from("Bearer two tokens", true)).isNull();
    }
}
