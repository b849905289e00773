package com.mspimporter.config;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mspimporter.input.GcpKeyFile;
import com.mspimporter.onboarding.ServiceAccountKeys;

/** Beans shared by the features: the clock and the reading of GCP key files. */
@Configuration(proxyBeanMethods = false)
class ImporterConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ServiceAccountKeys serviceAccountKeys() {
        return path -> GcpKeyFile.read(Path.of(path));
    }
}
