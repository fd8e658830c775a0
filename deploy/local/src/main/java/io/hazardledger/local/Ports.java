package io.hazardledger.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Loopback port checks. */
public final class Ports {
    private Ports() {
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until something listens on {@code port}, giving up early once {@code alive} turns false. */
    public static boolean awaitOpen(int port, Duration timeout, BooleanSupplier alive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && alive.getAsBoolean()) {
            if (isOpen(port)) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    /** A port nothing listens on right now. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /** The first of {@code count} consecutive ports, from {@code from} upwards, that nothing listens on. */
    public static int freeRange(int from, int count) {
        for (int first = from; first < 65_000; first += count) {
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                free = !isOpen(port);
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("No " + count + " free consecutive ports above " + from);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
