package io.hazardledger.local;

import io.hazardledger.contracts.enterprise.UnifiedSocialCreditCode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data through the public REST APIs, as a partner system would enter it: enterprises in the four seed districts
 * (Weifang Binhai, Changyi with the Longchi chemical park, Jinan Zhangqiu, Quanzhou Fengze), an inspection of each
 * with findings, which become hazards and show in the district table.
 */
public final class DemoData {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Duration COPY_WAIT = Duration.ofSeconds(60);

    /**
     * District, name, unified social credit code (its check character is computed), industry (GB/T 4754-2017
     * division), supervision category, street (镇街), chemical park or empty, risk level, major hazard sources.
     */
    private static final List<String[]> ENTERPRISES = List.of(
            new String[] {"370772", "潍坊滨海石化有限公司", "913707006135001000", "26", "HAZARDOUS_CHEMICALS_PRODUCTION",
                    "370772004", "潍坊滨海经济技术开发区化工园区", "RED", "2"},
            new String[] {"370772", "潍坊海港物流有限公司", "913707006135002000", "59", "HAZARDOUS_CHEMICALS_TRADE",
                    "370772005", "", "ORANGE", "1"},
            new String[] {"370786", "昌邑龙池化工园区精细化工有限公司", "913707866135003000", "26", "HAZARDOUS_CHEMICALS_PRODUCTION",
                    "370786102", "昌邑龙池化工园区", "ORANGE", "1"},
            new String[] {"370114", "济南章丘锻造机械有限公司", "913701146135004000", "34", "INDUSTRY_AND_TRADE",
                    "370114001", "", "YELLOW", "0"},
            new String[] {"350503", "泉州丰泽石材加工厂", "913505036135005000", "30", "INDUSTRY_AND_TRADE",
                    "350503001", "", "BLUE", "0"});

    private static final List<String[]> FINDINGS = List.of(
            new String[] {"配电箱未可靠接地，线缆老化破损", "ELECTRICAL", "GENERAL", "二号车间"},
            new String[] {"储罐区可燃气体报警器失效", "HAZARDOUS_CHEMICAL_STORAGE", "MAJOR", "储罐区"});

    private final HttpClient http = HttpClient.newHttpClient();
    private final StackSettings settings;
    private java.security.PrivateKey signingKey;

    public DemoData(StackSettings settings) {
        this.settings = settings;
    }

    /** Loads the demo and returns how many findings were recorded. */
    public int load() throws IOException, InterruptedException {
        String registry = settings.baseUrl(ServiceSpec.ALL.get(0));
        String inspection = settings.baseUrl(ServiceSpec.ALL.get(1));
        int findings = 0;
        List<String[]> enterpriseIds = new ArrayList<>();
        for (String[] e : ENTERPRISES) {
            String uscc = e[2].substring(0, 17) + UnifiedSocialCreditCode.checkCharacter(e[2]);
            boolean chemicals = e[4].startsWith("HAZARDOUS_CHEMICALS");
            HttpResponse<String> registered = post(registry + "/api/enterprises", """
                    {"uscc":"%s","name":"%s","districtCode":"%s","streetCode":"%s","industryCode":"%s",\
                    "supervisionCategory":"%s","parkName":%s,"riskLevel":"%s","standardisationGrade":"GRADE_3",\
                    "keyHazards":{"keyHazardousProcess":%s,"keyHazardousChemical":%s,"majorHazardSources":%s},\
                    "responsibleCadre":"包保责任人（演示）","contact":{"name":"安全负责人","phone":"0536-7000000"}}"""
                    .formatted(uscc, e[1], e[0], e[5], e[3], e[4], e[6].isEmpty() ? "null" : "\"" + e[6] + "\"", e[7],
                            chemicals, chemicals, e[8]), "regulator", e[0]);
            if (registered.statusCode() == 409) {
                continue; // loaded before: the stack keeps its data between runs
            }
            enterpriseIds.add(new String[] {idIn(expect(registered, 201)), e[0]});
        }
        for (String[] enterprise : enterpriseIds) {
            String enterpriseId = enterprise[0];
            String district = enterprise[1];
            String inspectionId = idIn(planOnceKnown(inspection, enterpriseId, district));
            expect(post(inspection + "/api/inspections/" + inspectionId + "/start", "", "inspector", district), 200);
            for (String[] f : FINDINGS) {
                expect(post(inspection + "/api/inspections/" + inspectionId + "/findings", """
                        {"description":"%s","category":"%s","severity":"%s","location":"%s","suggestedDeadline":"%s"}"""
                        .formatted(f[0], f[1], f[2], f[3], LocalDate.now().plusDays(30)), "inspector", district), 201);
                findings++;
            }
        }
        for (String[] enterprise : enterpriseIds) {
            closeGeneralHazards(enterprise[0], enterprise[1]);
        }
        return findings;
    }

    /** Rectifies and closes the enterprise's GENERAL hazards, so the district table shows closures too. */
    private void closeGeneralHazards(String enterpriseId, String district) throws IOException, InterruptedException {
        String hazardService = settings.baseUrl(ServiceSpec.ALL.get(2));
        long deadline = System.nanoTime() + COPY_WAIT.toNanos();
        List<String> general = List.of();
        while (general.isEmpty() && System.nanoTime() < deadline) {
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(hazardService
                    + "/api/hazards?severity=GENERAL&status=REPORTED&enterpriseId=" + enterpriseId))
                            .header("Authorization", "Bearer " + token("regulator", district)).build(),
                    HttpResponse.BodyHandlers.ofString());
            general = ids(list.body());
            if (general.isEmpty()) {
                Thread.sleep(200);
            }
        }
        for (String hazard : general) {
            String base = hazardService + "/api/hazards/" + hazard;
            expect(post(base + "/rectification", """
                    {"responsiblePerson":"安全科长","measures":"更换破损线缆并可靠接地","fundsYuan":1200,"deadline":"%s","emergencyMeasures":"断电并设置警示"}"""
                    .formatted(LocalDate.now().plusDays(15)), "regulator", district), 200);
            expect(post(base + "/completion", "{\"summary\":\"已完成整改\"}", "inspector", district), 200);
            expect(post(base + "/verification", "{\"passed\":true,\"comment\":\"验收合格\"}", "regulator", district), 200);
        }
    }

    private static List<String> ids(String json) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ID.matcher(json);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The inspection service learns of a new enterprise from Kafka, a moment after the registry answered. */
    private HttpResponse<String> planOnceKnown(String inspection, String enterpriseId, String district)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + COPY_WAIT.toNanos();
        while (true) {
            HttpResponse<String> planned = post(inspection + "/api/inspections", """
                    {"enterpriseId":"%s","kind":"ENFORCEMENT","plannedDate":"%s","inspectors":["demo-inspector"]}"""
                    .formatted(enterpriseId, LocalDate.now()), "inspector", district);
            if (planned.statusCode() != 400 || System.nanoTime() > deadline) {
                return expect(planned, 201);
            }
            Thread.sleep(200);
        }
    }

    /** A POST as a demo user of {@code role} in {@code district}. */
    private HttpResponse<String> post(String url, String json, String role, String district)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Correlation-Id", "demo-data").header("Authorization", "Bearer " + token(role, district));
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String role, String district) throws IOException {
        if (signingKey == null) {
            signingKey = DevKeys.inDirectory(settings.jwtDirectory()).signingKey(); // read once, not per request
        }
        return DevTokens.forCaller(signingKey, role, district, null);
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String idIn(HttpResponse<String> response) throws IOException {
        Matcher matcher = ID.matcher(response.body());
        if (!matcher.find()) {
            throw new IOException("No id in " + response.body());
        }
        return matcher.group(1);
    }
}
