package com.mspimporter.api;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mspimporter.config.ImporterProperties;

/** Creates the platform API client and the check of its settings from the importer's settings. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    /** Creates the client, which needs the base URL and key only when it sends a request. */
    @Bean
    public RestPlatformClient platformApi(ImporterProperties settings, ObjectProvider<Clock> clock) {
        return new RestPlatformClient(settings, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Creates the check that a real run calls first, so that a missing base URL or key stops it early. */
    @Bean
    public ApiSettingsCheck apiSettingsCheck(ImporterProperties settings) {
        return new ApiSettingsCheck(settings.api());
    }
}
