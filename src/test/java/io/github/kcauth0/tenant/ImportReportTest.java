package io.github.kcauth0.tenant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImportReportTest {

    @Test
    void dryRunTextSaysNothingWasWrittenHowToImportAndListsEachLine() {
        ImportReport report = new ImportReport(true);
        report.created("client", "web");
        report.skipped("connection", "sms", "no Keycloak counterpart");
        report.todo("add the partner's keys");

        assertEquals("""
                Dry run, nothing was written. The import would create 1 and update 0 objects
                To import, turn Dry run off and save again with the same file.

                Created (1):
                - client web

                Skipped (1):
                - connection sms: no Keycloak counterpart

                To do (1):
                - add the partner's keys
                """, report.toText());
    }

    @Test
    void importTextStartsWithWhatWasDone() {
        ImportReport report = new ImportReport(false);
        report.unchanged("client", "web");

        assertEquals("""
                Imported. Nothing to change: the realm already has this tenant file

                Unchanged (1):
                - client web
                """, report.toText());
    }
}
