package io.hazardledger.registry.api;

import io.hazardledger.eventstore.http.Idempotent;
import io.hazardledger.eventstore.http.Problem;
import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.eventstore.http.RequestCaller;
import io.hazardledger.eventstore.http.RequestCorrelation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * {@code POST /api/enterprises/import}: a CSV file of ledger entries (text/csv; UTF-8 unless the content type declares
 * another charset, e.g. {@code text/csv; charset=GBK}; a byte-order mark is allowed). Answers 200 with an
 * {@link ImportReport}: valid rows written, bad rows reported by row (1 = first data row) and column. The columns are
 * those of the JSON entry, with keyHazards, contact and location flattened: uscc, name, districtCode, streetCode,
 * industryCode, supervisionCategory, address, parkName, keyHazardousProcess, keyHazardousChemical,
 * majorHazardSources, riskLevel, standardisationGrade, responsibleCadre, contactName, contactPhone, longitude,
 * latitude. A regulator imports into their district (other districts' rows are refused), an administrator anywhere.
 */
@Path("/api/enterprises/import")
public class EnterpriseImportResource {
    static final String CSV = "text/csv";
    private static final char BOM = '\uFEFF';

    @Inject
    LedgerImport ledgerImport;
    @Inject
    RequestCaller callers;
    @Inject
    RequestCorrelation correlation;
    @ConfigProperty(name = "registry.import.max-bytes", defaultValue = "8388608")
    long maxBytes;

    @Operation(summary = "Import a CSV file of ledger entries", description = """
            text/csv, UTF-8 unless declared (text/csv; charset=GBK); a BOM is allowed; at most 8 MiB (413). Header \
            row required, columns in any order: uscc, name, districtCode, supervisionCategory (required), streetCode, \
            industryCode, address, parkName, keyHazardousProcess, keyHazardousChemical, majorHazardSources, \
            riskLevel, standardisationGrade, responsibleCadre, contactName, contactPhone, longitude, latitude. Each \
            valid row is written in its own transaction (registered, or updated/relocated/unchanged when its code is \
            in the ledger); each bad row writes nothing and is reported with its row number (1 = first data row, the \
            header not counted; a quoted line break does not start a new row), column and reason. A code repeated \
            in the file: the later row is refused. Regulators import into their own district (other rows refused, \
            column districtCode), admins anywhere. Honours Idempotency-Key.""")
    @POST
    @Idempotent
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> importCsv(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        var caller = callers.current();
        if (body.length > maxBytes) {
            throw new ProblemException(Problem.of("payload-too-large", "Payload too large", 413,
                    "An import file may have at most " + maxBytes + " bytes; split it"));
        }
        String text = decode(body, charsetOf(contentType));
        return ledgerImport.run(caller, text, correlation.commandContext())
                .map(report -> Response.ok(report).build());
    }

    private static Charset charsetOf(String contentType) {
        String charset = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get("charset");
        if (charset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.invalid(HttpHeaders.CONTENT_TYPE, "unknown charset " + charset);
        }
    }

    /** Strict decoding: a file in another encoding than declared is refused, never read as mojibake. */
    private static String decode(byte[] body, Charset charset) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid(HttpHeaders.CONTENT_TYPE, "the file is not valid " + charset.name()
                    + "; declare its encoding, e.g. text/csv; charset=GBK");
        }
    }
}
