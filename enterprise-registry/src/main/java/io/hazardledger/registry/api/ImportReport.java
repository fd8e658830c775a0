package io.hazardledger.registry.api;

import java.util.List;

/**
 * The result of a CSV import. Rows are numbered from 1 for the first data row (the header row is not counted);
 * a rejected row wrote nothing and has one problem per bad column.
 *
 * @param rows       data rows read
 * @param registered rows that registered a new enterprise
 * @param updated    rows that changed an enterprise already in the ledger (its code is the key)
 * @param unchanged  rows equal to what the ledger holds: nothing written
 * @param rejected   rows refused
 * @param problems   why, per row and column, in row order
 */
public record ImportReport(int rows, int registered, int updated, int unchanged, int rejected,
                           List<RowProblem> problems) {

    /** One reason a row was refused. */
    public record RowProblem(int row, String uscc, String column, String reason) {
    }
}
