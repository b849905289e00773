package com.mspimporter.api;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mspimporter.config.ImporterProperties;

/** Creates the platform API client and the check of its settings from the importer's settings. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

    /** The client; creating it needs neither base URL nor key, which are checked by {@link ApiSettingsCheck}. */
    @Bean
    public RestPlatformClient platformApi(ImporterProperties settings, ObjectProvider<Clock> clock) {
        return new RestPlatformClient(settings, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public ApiSettingsCheck apiSettingsCheck(ImporterProperties settings) {
        return new ApiSettingsCheck(settings.api());
    }
}
