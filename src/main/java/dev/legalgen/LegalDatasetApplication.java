package dev.legalgen;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Spring Boot configuration root; the command line in {@code cli} decides what runs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LegalDatasetApplication {

    public static void main(String[] args) {
        System.exit(dev.legalgen.cli.Legalgen.run(args));
    }
}
