package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The check of the API settings that runs before a run that calls the API. */
class ApiSettingsCheckTest {

    @Test
    void httpsUrlWithKeyIsReady() {
        assertThatCode(() -> check("https://api.example.com")).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "http://127.0.0.1:9000",
        "http://127.45.3.9", "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]"})
    void plainHttpToLoopbackIsReady(String url) {
        assertThatCode(() -> check(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://api.example.com", "http://10.0.0.7", "http://128.0.0.1",
        "http://localhost.example.com", "http://[::2]"})
    void plainHttpElsewhereIsRejected(String url) {
        assertThatThrownBy(() -> check(url))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("importer.api.base-url must use https")
                .hasMessageContaining("importer.api.allow-insecure-http");
    }

    @Test
    void plainHttpElsewhereIsReadyWhenAllowed() {
        TestSettings settings = new TestSettings("http://api.example.com");
        settings.allowInsecureHttp = true;

        assertThatCode(() -> ApiSettingsCheck.check(settings.api())).doesNotThrowAnyException();
    }

    @Test
    void missingBaseUrlIsNamed() {
        assertThatThrownBy(() -> new ApiSettingsCheck(new TestSettings(null).api()).checkReady())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The API base URL is missing, so set importer.api.base-url.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp://api.example.com", "api.example.com", "https:///path"})
    void urlWithoutHttpSchemeOrHostIsRejected(String url) {
        assertThatThrownBy(() -> check(url))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("importer.api.base-url must be an http or https URL");
    }

    @Test
    void portAboveRangeIsRejected() {
        assertThatThrownBy(() -> check("http://127.0.0.1:99999"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("importer.api.base-url has port 99999, but a port is at most 65535.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://api.example.com/?tenant=1", "https://api.example.com/#top",
            "https://user:secret@api.example.com"})
    void queryFragmentOrUserIsRejected(String url) {
        assertThatThrownBy(() -> check(url))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("importer.api.base-url must not contain a user, a query or a fragment");
    }

    @Test
    void pathAboveRootIsRejected() {
        assertThatThrownBy(() -> check("https://api.example.com/../v1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leaves the root");
    }

    @Test
    void pathWithDotSegmentsBelowRootIsReady() {
        check("https://api.example.com/v1/../v2/");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   "})
    void blankKeyIsRejected(String key) {
        TestSettings settings = new TestSettings("https://api.example.com");
        settings.key = key;

        assertThatThrownBy(() -> ApiSettingsCheck.check(settings.api()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The API key is missing, so set IMPORTER_API_KEY or importer.api.key.");
    }

    @Test
    void missingKeyIsRejected() {
        TestSettings settings = new TestSettings("https://api.example.com");
        settings.key = null;

        assertThatThrownBy(() -> ApiSettingsCheck.check(settings.api()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IMPORTER_API_KEY");
    }

    @Test
    void hostNamesOtherThanLocalhostAreNotResolved() {
        assertThat(ApiSettingsCheck.isLoopback("localhost")).isTrue();
        assertThat(ApiSettingsCheck.isLoopback("ip6-localhost")).isFalse();
    }

    private static void check(String url) {
        ApiSettingsCheck.check(new TestSettings(url).api());
    }
}
