package com.mspimporter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application of the importer; {@link com.mspimporter.cli.Main} starts it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImporterApplication {
}
