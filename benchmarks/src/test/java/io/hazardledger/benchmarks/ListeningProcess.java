package io.hazardledger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The process listening on a TCP port of this machine, found from /proc alone (the listening socket's inode in
 * /proc/net/tcp, then the process holding it among /proc/[pid]/fd), so it works for a stack this run started and
 * for one started elsewhere alike.
 */
final class ListeningProcess {
    private static final String LISTEN = "0A";

    private ListeningProcess() {
    }

    static OptionalLong on(int port) {
        Set<String> sockets = listeningSockets(port);
        if (sockets.isEmpty()) {
            return OptionalLong.empty();
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holdsAny(p, sockets))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .min();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static Set<String> listeningSockets(int port) {
        String localPort = ":%04X".formatted(port);
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(localPort) && LISTEN.equals(fields[3])) {
                        inodes.add("socket:[" + fields[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException missing) {
                // no IPv6 on this machine
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> sockets) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.map(ListeningProcess::target).flatMap(Optional::stream).anyMatch(sockets::contains);
        } catch (IOException | RuntimeException goneOrNotOurs) {
            return false;
        }
    }

    private static Optional<String> target(Path fd) {
        try {
            return Optional.of(Files.readSymbolicLink(fd).toString());
        } catch (IOException | RuntimeException closed) {
            return Optional.empty();
        }
    }
}
