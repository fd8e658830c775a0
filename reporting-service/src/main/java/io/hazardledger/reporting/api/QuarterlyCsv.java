package io.hazardledger.reporting.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** The quarterly table as CSV (RFC 4180), UTF-8 with a byte-order mark so that Excel reads the Chinese headers. */
final class QuarterlyCsv {
    static final String BOM = "\uFEFF";
    static final List<String> HEADER = List.of("区县代码 districtCode", "区县 districtName", "一般隐患 generalFound",
            "重大隐患 majorFound", "一般已整改 generalClosed", "重大已整改 majorClosed", "整改率 closureRate",
            "整改资金(元) fundsYuan", "挂牌督办 majorListed", "逾期未整改 overdueAtQuarterEnd", "生成时间 producedAt",
            "签发时间 signedOffAt", "签发人 signedOffBy");

    private QuarterlyCsv() {
    }

    static byte[] write(QuarterlyTable table) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, HEADER.stream());
        Stream.concat(table.districts().stream(), Stream.of(table.total())).forEach(r -> line(csv, Stream.of(
                r.districtCode() == null ? "合计 total" : r.districtCode(), r.districtName(), r.generalFound(),
                r.majorFound(), r.generalClosed(), r.majorClosed(), r.closureRate(), r.fundsYuan(), r.majorListed(),
                r.overdueAtQuarterEnd(), r.producedAt(), r.signedOffAt(), r.signedOffBy())));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, Stream<?> cells) {
        csv.append(String.join(",", cells.map(QuarterlyCsv::cell).toList())).append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
