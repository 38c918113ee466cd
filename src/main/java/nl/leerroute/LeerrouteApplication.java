package nl.leerroute;

import nl.leerroute.database.EmbeddedNeo4jEarlyStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Leerroute: a personal lifelong-learning route planner on a Neo4j graph of learning outcomes. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LeerrouteApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(LeerrouteApplication.class);
        application.addListeners(new EmbeddedNeo4jEarlyStart());
        application.run(args);
    }
}
