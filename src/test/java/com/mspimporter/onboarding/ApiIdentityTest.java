package com.mspimporter.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The identity of an API: spellings of one URL name the same API, so its customers are not created again. */
class ApiIdentityTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://api.example.com/v1", "https://api.example.com/v1/",
            "HTTPS://API.Example.COM/v1", "https://api.example.com:443/v1", "https://api.example.com/v1/./",
            "https://api.example.com/v0/../v1"})
    void spellingsOfOneUrlAreOneApi(String url) {
        assertThat(ApiIdentity.of(URI.create(url))).isEqualTo("https://api.example.com/v1");
    }

    @Test
    void portOtherThanDefaultStays() {
        assertThat(ApiIdentity.of(URI.create("http://127.0.0.1:18150/"))).isEqualTo("http://127.0.0.1:18150");
        assertThat(ApiIdentity.of(URI.create("http://127.0.0.1:80"))).isEqualTo("http://127.0.0.1");
    }

    @Test
    void pathCaseStays() {
        assertThat(ApiIdentity.of(URI.create("https://api.example.com/V1"))).isEqualTo("https://api.example.com/V1");
    }

    @Test
    void missingUrlIsNone() {
        assertThat(ApiIdentity.of(null)).isEqualTo("none");
    }
}
