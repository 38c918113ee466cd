package nl.leerroute.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Owns the embedded database's life: starts it in the background when created, hands it out when
 * the driver needs it, and stops it when the context closes, even if nobody asked for it.
 *
 * <p>The Bolt port is chosen before the start, so the driver can be built at once and the rest of
 * the context (GraphQL schema, web server) is created while the database starts; only the first
 * query waits for it (the schema and seed runners, before the application reports ready).
 */
final class EmbeddedNeo4jStarter implements BeanFactoryPostProcessor, DisposableBean {

    /** Started by {@link EmbeddedNeo4jEarlyStart} for an application's environment, until its context claims it. */
    private static final Map<Environment, EmbeddedNeo4jStarter> EARLY = Collections.synchronizedMap(new IdentityHashMap<>());

    private final CompletableFuture<EmbeddedNeo4jServer> server;
    private final int boltPort;

    static void startEarly(Environment environment) {
        EARLY.computeIfAbsent(environment, EmbeddedNeo4jStarter::create);
    }

    /** The one started early for this environment, or a new one. */
    static EmbeddedNeo4jStarter claim(Environment environment) {
        EmbeddedNeo4jStarter early = EARLY.remove(environment);
        return early != null ? early : create(environment);
    }

    static void stopUnclaimed(Environment environment) {
        EmbeddedNeo4jStarter early = EARLY.remove(environment);
        if (early != null) {
            early.destroy();
        }
    }

    private static EmbeddedNeo4jStarter create(Environment environment) {
        EmbeddedNeo4jProperties properties = Binder.get(environment)
                .bindOrCreate("leerroute.neo4j.embedded", EmbeddedNeo4jProperties.class);
        List<InitialLoad> initialLoads = SpringFactoriesLoader.forDefaultResourceLocation(
                EmbeddedNeo4jStarter.class.getClassLoader()).load(InitialLoad.class,
                SpringFactoriesLoader.ArgumentResolver.of(Environment.class, environment));
        return new EmbeddedNeo4jStarter(properties, initialLoads);
    }

    EmbeddedNeo4jStarter(EmbeddedNeo4jProperties properties, List<InitialLoad> initialLoads) {
        this.server = new CompletableFuture<>();
        // a free port now; another process could take it before Neo4j binds it, then the start fails and says so
        this.boltPort = properties.boltPort() != 0 ? properties.boltPort() : freeLoopbackPort();
        Thread thread = new Thread(() -> {
            try {
                initialLoads.forEach(load -> load.beforeStart(properties.dataDirectory()));
                server.complete(EmbeddedNeo4jServer.start(properties.dataDirectory(), boltPort,
                        properties.pageCache()));
            } catch (RuntimeException | Error e) {
                server.completeExceptionally(e);
            }
        }, "embedded-neo4j-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface for the embedded Neo4j", e);
        }
    }

    /** Where the database will listen, known before it runs. */
    URI boltUri() {
        return URI.create("bolt://127.0.0.1:" + boltPort);
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
