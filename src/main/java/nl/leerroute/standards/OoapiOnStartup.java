package nl.leerroute.standards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import nl.leerroute.standards.OoapiImporter.ImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Imports the OOAPI documents of {@code leerroute.ooapi.imports} once the seed is in (the seed runs at order
 * 0). A document with problems stops the start, naming file, JSON path and problem, like a broken seed.
 */
@Component
@Order(1)
class OoapiOnStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OoapiOnStartup.class);

    private final OoapiImporter importer;
    private final OoapiProperties properties;

    OoapiOnStartup(OoapiImporter importer, OoapiProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        importAll(properties.imports());
    }

    List<ImportReport> importAll(List<String> entries) {
        List<ImportReport> reports = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int separator = entry.indexOf('=');
            if (separator <= 0) {
                throw new IllegalStateException("leerroute.ooapi.imports: '" + entry + "' is not institutionId=path");
            }
            String institution = entry.substring(0, separator).trim();
            Path file = Path.of(entry.substring(separator + 1).trim());
            String document;
            try {
                document = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("leerroute.ooapi.imports: cannot read " + file + ": " + e.getMessage(), e);
            }
            ImportReport report = importer.importDocument(institution, document, false);
            if (!report.errors().isEmpty()) {
                StringBuilder message = new StringBuilder("OOAPI document " + file + " for " + institution
                        + " was refused, nothing was imported:");
                report.errors().forEach(e -> message.append("\n  ").append(file).append(": ").append(e.path())
                        .append(": ").append(e.message()));
                throw new IllegalStateException(message.toString());
            }
            log.info("Imported OOAPI document {} for {}: {} created, {} updated, {} unchanged, {} removed, "
                    + "{} parts not mapped", file, institution, report.created(), report.updated(), report.unchanged(),
                    report.removed(), report.notMapped().size());
            reports.add(report);
        }
        return reports;
    }
}
