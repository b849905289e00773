package com.mspimporter.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The identity of an API as the job database keys it, and the canonical form that shows two spellings of one
 * URL, so that a run under a new spelling can be stopped before it creates customers again.
 */
class ApiIdentityTest {

    @Test
    void identityKeepsSpellingWithoutTrailingSlash() {
        assertThat(ApiIdentity.of(URI.create("HTTPS://Api.Example.com:443/v1/")))
                .isEqualTo("HTTPS://Api.Example.com:443/v1");
    }

    @Test
    void missingUrlIsNone() {
        assertThat(ApiIdentity.of(null)).isEqualTo("none");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://api.example.com/v1", "https://api.example.com/v1/",
            "HTTPS://API.Example.COM/v1", "https://api.example.com:443/v1", "https://api.example.com/v1/./",
            "https://api.example.com/v0/../v1"})
    void spellingsOfOneUrlShareCanonicalForm(String url) {
        assertThat(ApiIdentity.canonical(url)).isEqualTo("https://api.example.com/v1");
    }

    @Test
    void portOtherThanDefaultStays() {
        assertThat(ApiIdentity.canonical("http://127.0.0.1:18150")).isEqualTo("http://127.0.0.1:18150");
        assertThat(ApiIdentity.canonical("http://127.0.0.1:80")).isEqualTo("http://127.0.0.1");
    }

    @Test
    void pathCaseStays() {
        assertThat(ApiIdentity.canonical("https://api.example.com/V1")).isEqualTo("https://api.example.com/V1");
    }
}
