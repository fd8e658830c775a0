package io.hazardledger.system;

import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;
import io.hazardledger.eventstore.testing.Poll;
import io.hazardledger.local.ServiceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The system under faults, on a stack of its own (embedded PostgreSQL, its own broker, the four services), since
 * it kills and stops parts of it. A steady load of real commands ({@link SteadyLoad}: hazard reports, their
 * rectification up to closure, inspection findings; 8 a second, 5 s client timeout) runs through each fault:
 * <ol>
 *   <li>the broker is killed (SIGKILL) and restarted after 8 s;</li>
 *   <li>hazard-service is killed (SIGKILL) while commands are under way, and restarted;</li>
 *   <li>reporting-service is stopped and restarted;</li>
 *   <li>PostgreSQL is stopped for 10 s.</li>
 * </ol>
 * What is asserted after each: every answer was a 2xx or a 503 problem+json with {@code Retry-After}, never a
 * 500 or a request left hanging past the client timeout; the only exception is the service that was itself down,
 * which refuses connections while away, breaks those under way when killed and may miss the client timeout in its
 * first seconds back; {@link LedgerTruth} holds (accepted commands took effect exactly once,
 * refused ones not at all, events gap-free in the store and in per-aggregate order on Kafka, the district table
 * equals hazard-service's counts); and readiness went red (DOWN, or unreachable for a killed service) during the
 * fault and green again after.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {
    private static final int REGISTRY = 0;
    private static final int INSPECTION = 1;
    private static final int HAZARD = 2;
    private static final int REPORTING = 3;
    private static final String DISTRICT = "370703"; // 潍坊市寒亭区, used by no other system test
    private static final int COMMANDS_PER_SECOND = 8;
    private static final Duration STEADY = Duration.ofSeconds(3);
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private static RunningStack system;
    private static SteadyLoad load;
    private static LedgerTruth truth;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        system = RunningStack.startIsolated("fault-stack");
        System.out.printf("fault suite: own stack up in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        String enterpriseId = registerEnterprise();
        String inspectionId = startInspection(enterpriseId);
        load = new SteadyLoad(system, DISTRICT, enterpriseId, inspectionId);
        Poll.until(RECOVERY, "hazard-service to know the enterprise",
                () -> load.reportNow().answer() == SteadyLoad.Answer.ACCEPTED);
        truth = new LedgerTruth(system, DISTRICT);
    }

    @AfterAll
    static void stop() throws Exception {
        if (load != null) {
            load.stop();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void commandsGoOnWhileTheBrokerIsKilledAndNothingIsLostOrReordered() throws Exception {
        List<SteadyLoad.Sent> sent = underLoad("broker kill -9", () -> {
            system.stack().killKafka();
            Thread.sleep(8_000);
            system.stack().startKafka();
        });
        assertTrue(sent.stream().allMatch(s -> s.answer() == SteadyLoad.Answer.ACCEPTED),
                "with the broker gone, commands still succeed (the outbox holds their events): " + LedgerTruth.summary(sent));
    }

    @Test
    @Order(2)
    void aKilledHazardServiceLosesNoAcceptedCommand() throws Exception {
        underLoad("hazard-service kill -9", () -> {
            system.stack().kill(ServiceSpec.ALL.get(HAZARD));
            Thread.sleep(2_000);
            System.out.printf("fault suite: hazard-service ready again %d ms after restart%n",
                    system.stack().restart(ServiceSpec.ALL.get(HAZARD)).toMillis());
        }, ready -> assertTrue(ready.wentAndCameBack(HAZARD, ReadinessWatch.State.UNREACHABLE), ready.describe(HAZARD)),
                HAZARD);
    }

    @Test
    @Order(3)
    void aRestartedReportingServiceCatchesUpFromItsCheckpoints() throws Exception {
        underLoad("reporting-service restart", () -> {
            long stopping = System.nanoTime();
            system.stack().stop(ServiceSpec.ALL.get(REPORTING));
            System.out.printf("fault suite: reporting-service stopped in %d ms (SIGKILL after 20 s)%n",
                    (System.nanoTime() - stopping) / 1_000_000);
            system.stack().restart(ServiceSpec.ALL.get(REPORTING));
        }, ready -> assertTrue(ready.wentAndCameBack(REPORTING, ReadinessWatch.State.UNREACHABLE), ready.describe(REPORTING)),
                REPORTING);
    }

    @Test
    @Order(4)
    void withPostgresqlDownClientsGetAClear503AndReadinessGoesRed() throws Exception {
        List<SteadyLoad.Sent> sent = underLoad("PostgreSQL stopped 10 s", () -> {
            system.stack().stopPostgres();
            Thread.sleep(10_000);
            system.stack().startPostgres();
        }, ready -> {
            for (int service = 0; service < 4; service++) {
                assertTrue(ready.wentAndCameBack(service, ReadinessWatch.State.DOWN),
                        ServiceSpec.ALL.get(service).module() + " " + ready.describe(service));
            }
        });
        assertTrue(sent.stream().anyMatch(s -> s.answer() == SteadyLoad.Answer.UNAVAILABLE),
                "commands sent while PostgreSQL was down were refused with 503: " + LedgerTruth.summary(sent));
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private interface ReadinessCheck {
        void check(ReadinessWatch watch);
    }

    private static List<SteadyLoad.Sent> underLoad(String name, Fault fault) throws Exception {
        return underLoad(name, fault, ready -> { }, -1);
    }

    private static List<SteadyLoad.Sent> underLoad(String name, Fault fault, ReadinessCheck readiness) throws Exception {
        return underLoad(name, fault, readiness, -1);
    }

    /**
     * Runs {@code fault} under the steady load, waits until every service is ready again, lets the load run a
     * little longer, then checks the answers, readiness and the truth. {@code downService} is the service that
     * was itself down, whose refused connections are expected.
     */
    private static List<SteadyLoad.Sent> underLoad(String name, Fault fault, ReadinessCheck readiness, int downService)
            throws Exception {
        long started = System.nanoTime();
        int before = load.sent().size();
        List<SteadyLoad.Sent> sent;
        try (ReadinessWatch watch = new ReadinessWatch(system)) {
            load.start(COMMANDS_PER_SECOND);
            Thread.sleep(STEADY.toMillis());
            fault.inject();
            Poll.until(RECOVERY, "every service to be ready again", () ->
                    java.util.stream.IntStream.range(0, 4).allMatch(i -> {
                        List<ReadinessWatch.State> states = watch.states(i);
                        return !states.isEmpty() && states.get(states.size() - 1) == ReadinessWatch.State.UP;
                    }));
            long recovered = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(STEADY.toMillis());
            load.stop();
            List<SteadyLoad.Sent> everything = load.sent();
            sent = everything.subList(before, everything.size());
            System.out.printf("fault suite: %s: recovered after %d ms; answers %s; slowest %d ms; readiness %s%n", name,
                    recovered, LedgerTruth.summary(sent), sent.stream().mapToLong(SteadyLoad.Sent::millis).max().orElse(0),
                    java.util.stream.IntStream.range(0, 4).mapToObj(watch::describe).toList());
            readiness.check(watch);
        }
        for (SteadyLoad.Sent s : sent) {
            int target = "finding".equals(s.kind()) ? INSPECTION : HAZARD;
            assertTrue(s.answer() != SteadyLoad.Answer.OTHER,
                    () -> "no answer but 2xx or 503: " + s + "\n" + system.lastUnexpectedFailure(target));
            if (s.answer() == SteadyLoad.Answer.UNAVAILABLE) {
                assertTrue(s.problemWithRetryAfter(), "a 503 is problem+json with Retry-After: " + s);
            }
            // A service that was itself down refuses connections, breaks those under way when killed, and may be
            // slow to answer in its first seconds back (a cold JVM under load); any other service must answer.
            if (s.answer() == SteadyLoad.Answer.CONNECTION_REFUSED || s.answer() == SteadyLoad.Answer.CONNECTION_LOST
                    || s.answer() == SteadyLoad.Answer.TIMED_OUT) {
                assertEquals(downService, target, "only a service that was down fails to answer: " + s);
            }
        }
        long checking = System.nanoTime();
        String figures = truth.check(sent);
        System.out.printf("fault suite: %s: truth holds (%s), checked in %d ms; step took %d s%n", name, figures,
                (System.nanoTime() - checking) / 1_000_000, (System.nanoTime() - started) / 1_000_000_000);
        return sent;
    }

    private static String registerEnterprise() {
        String body17 = "913707036" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return system.as("regulator", DISTRICT, null)
                .body(Map.of("uscc", body17 + UnifiedSocialCreditCode.checkCharacter(body17 + "0"),
                        "name", "潍坊寒亭电缆制造有限公司", "districtCode", DISTRICT,
                        "supervisionCategory", "INDUSTRY_AND_TRADE"))
                .post(system.url(REGISTRY, "/api/enterprises")).then().statusCode(201).extract().path("id");
    }

    private static String startInspection(String enterpriseId) {
        String[] id = new String[1];
        Poll.until(RECOVERY, "inspection-service to know the enterprise", () -> {
            var planned = system.as("inspector", DISTRICT, null).body(Map.of("enterpriseId", enterpriseId,
                            "kind", "ENFORCEMENT", "plannedDate", LocalDate.now().toString(),
                            "inspectors", List.of("insp-ht-1", "insp-ht-2")))
                    .post(system.url(INSPECTION, "/api/inspections"));
            id[0] = planned.statusCode() == 201 ? planned.path("id") : null;
            return id[0] != null;
        });
        system.as("inspector", DISTRICT, null).post(system.url(INSPECTION, "/api/inspections/" + id[0] + "/start"))
                .then().statusCode(200);
        return id[0];
    }
}
