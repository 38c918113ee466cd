package nl.leerroute.database;

import org.neo4j.driver.Logging;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The driver logs through SLF4J, whose logger asks whether a level is on before formatting: the
 * driver's default (System.Logger) formats a debug line for every Bolt message even when debug is
 * off, a string format per message on every query.
 */
@Configuration(proxyBeanMethods = false)
class DriverLoggingConfiguration {

    @Bean
    ConfigBuilderCustomizer driverLogging() {
        return builder -> builder.withLogging(Logging.slf4j());
    }
}
