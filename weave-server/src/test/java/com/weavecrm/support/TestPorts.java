package com.weavecrm.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports of local helper servers the integration-test server is configured with at start. */
public final class TestPorts {

    private static int webhook;

    private TestPorts() {}

    /**
     * The port of the local "group bot" the webhook tests start: the server allows {@code
     * http://127.0.0.1:<port>} through {@code weave.webhooks.extra-allowed-hosts}, and nothing else
     * local.
     */
    public static synchronized int webhook() {
        if (webhook == 0) {
            webhook = free();
        }
        return webhook;
    }

    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
