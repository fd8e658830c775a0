package io.hazardledger.inspection.domain;

import io.hazardledger.contracts.inspection.Checklist;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The items of each special-campaign checklist, by code. A small static catalogue drawn from the campaigns'
 * usual check points; a finding of a campaign inspection may name one item of the campaign's checklist.
 */
public final class ChecklistCatalogue {
    private static final Map<Checklist, Map<String, String>> ITEMS = new EnumMap<>(Checklist.class);

    static {
        items(Checklist.ELECTRIC_GAS_WELDING,
                "EGW-01", "动火作业审批（动火证）",
                "EGW-02", "焊工持特种作业操作证",
                "EGW-03", "作业现场可燃物清理与监护",
                "EGW-04", "气瓶间距与防回火装置");
        items(Checklist.CONFINED_SPACE,
                "CS-01", "作业审批",
                "CS-02", "先通风、再检测、后作业",
                "CS-03", "专人监护",
                "CS-04", "救援装备配备");
        items(Checklist.DUST_EXPLOSION,
                "DE-01", "除尘系统锁气卸灰装置",
                "DE-02", "粉尘清扫制度",
                "DE-03", "防静电与防爆电气",
                "DE-04", "泄爆与隔爆装置");
        items(Checklist.WORK_AT_HEIGHT,
                "WH-01", "安全带（绳）正确使用",
                "WH-02", "临边洞口防护",
                "WH-03", "脚手架验收",
                "WH-04", "登高作业审批");
        items(Checklist.OUTSOURCED_CONSTRUCTION,
                "OC-01", "承包方资质",
                "OC-02", "安全管理协议",
                "OC-03", "进场安全教育与交底",
                "OC-04", "发包方统一协调管理");
    }

    private ChecklistCatalogue() {
    }

    /** The items of a checklist, code → description, in catalogue order. */
    public static Map<String, String> items(Checklist checklist) {
        return ITEMS.get(checklist);
    }

    public static boolean contains(Checklist checklist, String itemCode) {
        return checklist != null && ITEMS.get(checklist).containsKey(itemCode);
    }

    private static void items(Checklist checklist, String... codesAndTexts) {
        Map<String, String> items = new LinkedHashMap<>();
        for (int i = 0; i < codesAndTexts.length; i += 2) {
            items.put(codesAndTexts[i], codesAndTexts[i + 1]);
        }
        ITEMS.put(checklist, Collections.unmodifiableMap(items));
    }
}
