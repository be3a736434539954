package io.licenseflow.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the packaged notification-service's generic CRM connector posts account records in the end-to-end suite: a
 * receiver in this JVM that accepts each (204) and counts them. (notification-service's CrmSyncTest checks the
 * records and their Standard Webhooks signatures; here they only need somewhere to go.)
 */
final class CrmReceiver {

    static final String SECRET = "whsec_ZTJlLWNybS1yZWNlaXZlci1zaWduaW5nLXNlY3JldA==";
    static final AtomicInteger RECEIVED = new AtomicInteger();
    private static HttpServer server;

    private CrmReceiver() {
    }

    static synchronized String url() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/crm", exchange -> {
                exchange.getRequestBody().readAllBytes();
                RECEIVED.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/crm";
    }
}
