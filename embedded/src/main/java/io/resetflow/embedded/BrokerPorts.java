package io.resetflow.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The client and controller ports of a broker. Ports picked at random are remembered in the data
 * directory, so a broker restarted on the same directory comes back where its clients left it.
 */
record BrokerPorts(int client, int controller) {

    private static final String FILE = "embedded-broker-ports.properties";

    /** Explicit ports win (0 = not given); then the ports remembered in the directory, if free; then free ports. */
    static BrokerPorts resolve(int requestedClient, int requestedController, Path dataDir) {
        Properties remembered = load(dataDir);
        int client = choose(requestedClient, remembered.getProperty("client"), -1);
        int controller = choose(requestedController, remembered.getProperty("controller"), client);
        return new BrokerPorts(client, controller);
    }

    void remember(Path dataDir) {
        Properties props = new Properties();
        props.setProperty("client", Integer.toString(client));
        props.setProperty("controller", Integer.toString(controller));
        try (OutputStream out = Files.newOutputStream(dataDir.resolve(FILE))) {
            props.store(out, "Ports of the embedded Kafka broker that last ran on this directory");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int choose(int requested, String remembered, int taken) {
        if (requested > 0) {
            return requested;
        }
        if (remembered != null) {
            int port = Integer.parseInt(remembered.trim());
            if (port != taken && isFree(port)) {
                return port;
            }
        }
        int port;
        do {
            port = freePort();
        } while (port == taken);
        return port;
    }

    private static Properties load(Path dataDir) {
        Properties props = new Properties();
        Path file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return props;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
