package io.hazardledger.hazard.domain;

import io.hazardledger.contracts.DomainEvent;
import io.hazardledger.contracts.hazard.HazardCategory;
import io.hazardledger.contracts.hazard.HazardFound;
import io.hazardledger.contracts.hazard.HazardSource;
import io.hazardledger.contracts.hazard.MajorAssessment;
import io.hazardledger.contracts.hazard.MajorCriterion;
import io.hazardledger.contracts.hazard.RectificationPlan;
import io.hazardledger.contracts.hazard.Severity;
import io.hazardledger.eventstore.domain.Caller;
import io.hazardledger.eventstore.domain.Role;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Hazards brought to each state by the commands a real history would have, for tests of the rules. */
final class ScriptedHazards {
    static final String DISTRICT = "370786";
    static final UUID ENTERPRISE = UUID.fromString("6f0c1d3e-0000-4000-8000-000000000001");
    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    static final Caller REGULATOR = new Caller("reg-1", Role.REGULATOR, DISTRICT, null);
    static final Caller INSPECTOR = new Caller("insp-1", Role.INSPECTOR, DISTRICT, null);
    static final Caller OWNER = new Caller("ent-1", Role.ENTERPRISE, null, ENTERPRISE);
    static final MajorAssessment ASSESSMENT = new MajorAssessment(
            new MajorCriterion("应急管理部令第10号", "第四条第（三）项"), "粉尘除尘系统未设置锁气卸灰装置", "可能引发粉尘爆炸", "需停产改造");

    private ScriptedHazards() {
    }

    static RectificationPlan plan(Severity severity) {
        LocalDate deadline = LocalDate.of(2026, 6, 30);
        return severity == Severity.MAJOR
                ? new RectificationPlan("张三", "更换除尘系统", new BigDecimal("120000.00"), deadline, "停产并制定应急预案",
                "消除粉尘爆炸风险", "除尘器两台", "设备部", "ZLFA-2026-001")
                : new RectificationPlan("李四", "更换破损电缆", new BigDecimal("800.00"), deadline, "断电警示", null, null, null, null);
    }

    static HazardFound found(Severity severity, HazardSource source) {
        return new HazardFound(UUID.randomUUID(), ENTERPRISE, DISTRICT, "370786101", "26", source, "电缆老化",
                "配电室电缆老化破损", "配电室", HazardCategory.ELECTRICAL, severity, null, null, List.of(),
                severity == Severity.MAJOR ? ASSESSMENT : null, source == HazardSource.EMPLOYEE_REPORT ? "王五" : null, NOW);
    }

    static Hazard fold(List<DomainEvent> events) {
        Hazard state = Hazard.NONE;
        for (DomainEvent event : events) {
            state = Hazard.apply(state, event);
        }
        return state;
    }

    /** A hazard of the given grade brought to {@code status} through the lifecycle's own commands. */
    static Hazard in(HazardStatus status, Severity severity, HazardSource source) {
        Hazard h = fold(Hazard.report(INSPECTOR, found(severity, source)));
        if (status == HazardStatus.REPORTED) {
            return h;
        }
        if (status == HazardStatus.VOIDED) {
            return then(h, h.voidReport(REGULATOR, "误报"));
        }
        h = then(h, h.assignRectification(REGULATOR, plan(severity), NOW));
        if (status == HazardStatus.RECTIFYING) {
            return h;
        }
        h = then(h, h.submitCompletion(INSPECTOR, "已整改", List.of("photo"), NOW));
        if (status == HazardStatus.AWAITING_VERIFICATION) {
            return h;
        }
        h = then(h, h.verify(REGULATOR, true, "合格", NOW));
        if (status == HazardStatus.VERIFIED || status == HazardStatus.CLOSED && severity == Severity.GENERAL) {
            return h;
        }
        return then(h, h.close(REGULATOR, NOW));
    }

    static Hazard then(Hazard state, List<DomainEvent> events) {
        Hazard next = state;
        for (DomainEvent event : events) {
            next = Hazard.apply(next, event);
        }
        return next;
    }
}
