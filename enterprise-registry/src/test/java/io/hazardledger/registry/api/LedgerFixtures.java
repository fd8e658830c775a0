package io.hazardledger.registry.api;

import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Ledger entries for tests: fresh valid codes, real districts, streets and industries. */
final class LedgerFixtures {
    /** 昌邑市 and its 龙池镇 (Longchi chemical park), 潍坊滨海 and its 央子街道, 章丘区. */
    static final String CHANGYI = "370786";
    static final String LONGCHI = "370786102";
    static final String BINHAI = "370772";
    static final String YANGZI = "370772004";
    static final String ZHANGQIU = "370114";

    private LedgerFixtures() {
    }

    static String newUscc(String district) {
        String body = "91" + district + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        return body + UnifiedSocialCreditCode.checkCharacter(body + "0");
    }

    /** A full entry in Changyi's Longchi town. */
    static Map<String, Object> entry(String uscc, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("uscc", uscc);
        body.put("name", name);
        body.put("districtCode", CHANGYI);
        body.put("streetCode", LONGCHI);
        body.put("industryCode", "26");
        body.put("supervisionCategory", "HAZARDOUS_CHEMICALS_PRODUCTION");
        body.put("address", "昌邑市龙池镇化工园区");
        body.put("parkName", "昌邑龙池化工园区");
        body.put("keyHazards", Map.of("keyHazardousProcess", true, "keyHazardousChemical", true, "majorHazardSources", 2));
        body.put("riskLevel", "ORANGE");
        body.put("standardisationGrade", "GRADE_2");
        body.put("responsibleCadre", "王主任");
        body.put("contact", Map.of("name", "李安全", "phone", "0536-7123456"));
        body.put("location", Map.of("longitude", 119.39, "latitude", 36.86));
        return body;
    }
}
