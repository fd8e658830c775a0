package io.hazardledger.registry.api;

import io.hazardledger.eventstore.http.ProblemException;
import io.hazardledger.registry.domain.Gazetteer;
import io.hazardledger.registry.persistence.ReferenceData;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Reference data of the ledger: districts (区县) and streets (乡镇街道) of all of China after the GB/T 2260 codes as
 * the National Bureau of Statistics publishes them (2023), and GB/T 4754-2017 industry sections and divisions.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {
    @Inject
    ReferenceData referenceData;

    /** Every district, or those of a province ({@code ?province=37}) or a city ({@code ?city=3707}). */
    @GET
    @Path("/districts")
    public List<Gazetteer.District> districts(
            @QueryParam("province") @Pattern(regexp = "[0-9]{2}", message = "must be a 2-digit province code") String province,
            @QueryParam("city") @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit city code") String city) {
        return referenceData.districts(city != null ? city : province);
    }

    @GET
    @Path("/districts/{code}")
    public Gazetteer.District district(@PathParam("code") String code) {
        return referenceData.district(code).orElseThrow(() -> ProblemException.notFound("District", code));
    }

    @GET
    @Path("/districts/{code}/streets")
    public List<Gazetteer.Street> streets(@PathParam("code") String code) {
        referenceData.district(code).orElseThrow(() -> ProblemException.notFound("District", code));
        return referenceData.streetsOf(code);
    }

    /** The 20 sections (A–T, no section of their own) and 97 divisions (01–97, naming their section). */
    @GET
    @Path("/industries")
    public List<Gazetteer.Industry> industries() {
        return referenceData.industries();
    }
}
