package com.mspimporter.config;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Converters that let settings be written as {@code 25}, {@code 20%} or {@code 50%}. */
final class SettingConverters {

    private SettingConverters() {
    }

    @Component
    @ConfigurationPropertiesBinding
    static class LimitConverter implements Converter<String, Limit> {

        @Override
        public Limit convert(String source) {
            return Limit.parse(source);
        }
    }

    @Component
    @ConfigurationPropertiesBinding
    static class PercentConverter implements Converter<String, Percent> {

        @Override
        public Percent convert(String source) {
            return Percent.parse(source);
        }
    }
}
