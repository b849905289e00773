package com.mspimporter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mspimporter.config.ImporterProperties;

/** The beans of the API package. */
class ApiConfigurationTest {

    @Test
    void beansExistWithoutBaseUrlOrKey() {
        TestSettings settings = new TestSettings(null);
        settings.key = null;

        new ApplicationContextRunner()
                .withBean(ImporterProperties.class, settings::build)
                .withUserConfiguration(ApiConfiguration.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(PlatformApi.class);
                    assertThat(context.getBean(PlatformApi.class)).isInstanceOf(RestPlatformClient.class);
                    assertThatThrownBy(() -> context.getBean(ApiSettingsCheck.class).checkReady())
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("importer.api.base-url");
                });
    }
}
