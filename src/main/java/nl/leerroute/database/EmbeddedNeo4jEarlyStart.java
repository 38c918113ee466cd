package nl.leerroute.database;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded database as soon as the configuration is known, before Spring scans and
 * builds the context, so its start (the longest part of Leerroute's own) overlaps all of that.
 * Added by {@code LeerrouteApplication.main}; without it the database starts a few seconds later,
 * when the context's bean factory is post-processed.
 */
public final class EmbeddedNeo4jEarlyStart implements ApplicationListener<SpringApplicationEvent> {

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared
                && EmbeddedNeo4jConfiguration.embeddedWanted(prepared.getEnvironment())) {
            EmbeddedNeo4jStarter.startEarly(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent failed && failed.getApplicationContext() != null) {
            EmbeddedNeo4jStarter.stopUnclaimed(failed.getApplicationContext().getEnvironment());
        }
    }
}
