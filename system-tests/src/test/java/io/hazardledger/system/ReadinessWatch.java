package io.hazardledger.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls {@code /q/health/ready} of the four services every quarter second and keeps, per service, the states it
 * went through (UP, DOWN, UNREACHABLE, UNANSWERED) with the time each began.
 */
final class ReadinessWatch implements AutoCloseable {
    /**
     * UNREACHABLE: the connection was refused, nothing listens. UNANSWERED: no status came back, the probe's 2 s ran
     * out or its connection broke; a cold JVM under load in its first seconds back can be that slow, and a kept-alive
     * connection can close just as it is reused, neither of which says whether the service is ready.
     */
    enum State { UP, DOWN, UNREACHABLE, UNANSWERED }

    record Change(State state, long atMillis) {
    }

    private final RunningStack system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<List<Change>> changes = new ArrayList<>();
    private final long started = System.nanoTime();
    private final Thread poller;
    private volatile boolean running = true;

    ReadinessWatch(RunningStack system) {
        this.system = system;
        for (int i = 0; i < 4; i++) {
            changes.add(new ArrayList<>());
        }
        poller = new Thread(this::poll, "readiness-watch");
        poller.setDaemon(true);
        poller.start();
    }

    /** The states service {@code index} went through, each once per change. */
    List<State> states(int index) {
        synchronized (changes) {
            return changes.get(index).stream().map(Change::state).toList();
        }
    }

    /** The changes of service {@code index}, for reports. */
    String describe(int index) {
        synchronized (changes) {
            return changes.get(index).stream().map(c -> c.state() + "@" + c.atMillis() + "ms").toList().toString();
        }
    }

    /** Whether the service went from UP to {@code down} and was UP again at the end, unanswered probes aside. */
    boolean wentAndCameBack(int index, State down) {
        List<State> states = states(index).stream().filter(state -> state != State.UNANSWERED).toList();
        int wentDown = states.indexOf(down);
        return !states.isEmpty() && states.get(0) == State.UP && wentDown > 0 && states.get(states.size() - 1) == State.UP;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }

    private void poll() {
        while (running) {
            for (int i = 0; i < 4; i++) {
                record(i, probe(i));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private State probe(int index) {
        try {
            int status = http.send(HttpRequest.newBuilder(URI.create(system.url(index, "/q/health/ready")))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? State.UP : State.DOWN;
        } catch (ConnectException e) {
            return State.UNREACHABLE;
        } catch (IOException e) {
            return State.UNANSWERED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return State.UNREACHABLE;
        }
    }

    private void record(int index, State state) {
        synchronized (changes) {
            List<Change> of = changes.get(index);
            if (of.isEmpty() || of.get(of.size() - 1).state() != state) {
                of.add(new Change(state, (System.nanoTime() - started) / 1_000_000));
            }
        }
    }
}
