package nl.leerroute.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Owns the embedded database's life: starts it in the background when created, hands it out when
 * the driver needs it, and stops it when the context closes, even if nobody asked for it.
 */
final class EmbeddedNeo4jStarter implements BeanFactoryPostProcessor, DisposableBean {

    private final CompletableFuture<EmbeddedNeo4jServer> server;

    EmbeddedNeo4jStarter(EmbeddedNeo4jProperties properties, java.util.List<InitialLoad> initialLoads) {
        this.server = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                initialLoads.forEach(load -> load.beforeStart(properties.dataDirectory()));
                server.complete(EmbeddedNeo4jServer.start(properties.dataDirectory(), properties.boltPort(),
                        properties.pageCache()));
            } catch (RuntimeException | Error e) {
                server.completeExceptionally(e);
            }
        }, "embedded-neo4j-start");
        thread.setDaemon(true);
        thread.start();
    }

    EmbeddedNeo4jServer server() {
        try {
            return server.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // created early for its side effect: the start above
    }

    @Override
    public void destroy() {
        server().close();
    }
}
