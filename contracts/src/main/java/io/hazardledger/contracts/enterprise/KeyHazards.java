package io.hazardledger.contracts.enterprise;

/**
 * The 两重点一重大 flags of an enterprise: a key supervised hazardous chemical process (重点监管危险化工工艺), a key
 * supervised hazardous chemical (重点监管危险化学品), and how many major hazard sources (重大危险源) it runs.
 */
public record KeyHazards(boolean keyHazardousProcess, boolean keyHazardousChemical, int majorHazardSources) {
    public static final KeyHazards NONE = new KeyHazards(false, false, 0);

    /** Whether any of the three applies. */
    public boolean any() {
        return keyHazardousProcess || keyHazardousChemical || majorHazardSources > 0;
    }
}
