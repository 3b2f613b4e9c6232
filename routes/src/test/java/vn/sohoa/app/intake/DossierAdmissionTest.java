package vn.sohoa.app.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.pipeline.RejectedScanException;
import vn.sohoa.pipeline.RejectedScanException.Reason;

/**
 * The admission rule on the machine's PostgreSQL: a source of agency HA adds to HA's dossiers and those of the
 * commune XA below it, and creates new ones in HA; not to its sibling HB's, nor to one of no agency; a source of
 * no agency only to dossiers of none; an administrator's upload anywhere.
 */
@Tag("e2e")
class DossierAdmissionTest {

    private static MachineServices services;
    private static Connection connection;
    private static JdbcTemplate jdbc;
    private static DossierAdmission admission;

    @BeforeAll
    static void database() throws Exception {
        Assumptions.assumeTrue(MachineServices.listening(5432), "the machine's PostgreSQL is not running");
        services = new MachineServices();
        services.properties();
        Flyway.configure().dataSource(services.jdbcUrl(), "postgres", "").locations("classpath:db/migration").load()
                .migrate();
        connection = DriverManager.getConnection(services.jdbcUrl(), "postgres", "");
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        jdbc.update("insert into agency (code, name, level) values ('T1', 'Tỉnh', 'province')");
        for (String[] agency : new String[][] {{"HA", "district", "T1"}, {"HB", "district", "T1"}, {"XA", "commune", "HA"}}) {
            jdbc.update("insert into agency (code, name, level, parent_id) select ?, ?, ?, id from agency where code = ?",
                    agency[0], agency[0], agency[1], agency[2]);
        }
        jdbc.update("insert into dossier (code, agency_id) select 'HS-A', id from agency where code = 'HA'");
        jdbc.update("insert into dossier (code, agency_id) select 'HS-B', id from agency where code = 'HB'");
        jdbc.update("insert into dossier (code, agency_id) select 'HS-XA', id from agency where code = 'XA'");
        jdbc.update("insert into dossier (code) values ('HS-NONE')");
        admission = new DossierAdmission(jdbc);
    }

    @AfterAll
    static void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aSourceOfAnAgencyAddsToItsDossiersAndThoseBelowIt() throws Exception {
        CaptureAgency a = CaptureAgency.within("HA");
        admission.check("HS-A", a);
        admission.check("HS-XA", a);
        assertThat(admission.admit("HS-XA", a)).isEqualTo(id("HS-XA"));
        assertThat(admission.admit("HS-A-NEW", a)).isEqualTo(id("HS-A-NEW"));
        assertThat(agencyOf("HS-A-NEW")).isEqualTo("HA");
    }

    @Test
    void aSourceOfAnAgencyIsRefusedItsSiblingsDossiersAndOnesOfNoAgency() {
        CaptureAgency a = CaptureAgency.within("HA");
        for (String code : new String[] {"HS-B", "HS-NONE"}) {
            assertThatThrownBy(() -> admission.check(code, a)).isInstanceOf(RejectedScanException.class)
                    .extracting(e -> ((RejectedScanException) e).reason()).isEqualTo(Reason.DOSSIER_OF_ANOTHER_AGENCY);
            assertThatThrownBy(() -> admission.admit(code, a)).isInstanceOf(RejectedScanException.class)
                    .extracting(e -> ((RejectedScanException) e).reason()).isEqualTo(Reason.DOSSIER_OF_ANOTHER_AGENCY);
        }
        assertThat(agencyOf("HS-B")).isEqualTo("HB");
        assertThat(agencyOf("HS-NONE")).isNull();
    }

    @Test
    void aDossierMovedToAnotherAgencyAfterTheEarlyCheckIsRefusedWhenRecorded() throws Exception {
        jdbc.update("insert into dossier (code, agency_id) select 'HS-MOVED', id from agency where code = 'HA'");
        admission.check("HS-MOVED", CaptureAgency.within("HA"));
        jdbc.update("update dossier set agency_id = (select id from agency where code = 'HB') where code = 'HS-MOVED'");
        assertThatThrownBy(() -> admission.admit("HS-MOVED", CaptureAgency.within("HA")))
                .extracting(e -> ((RejectedScanException) e).reason()).isEqualTo(Reason.DOSSIER_OF_ANOTHER_AGENCY);
    }

    @Test
    void aSourceOfNoAgencyAddsOnlyToDossiersOfNone() throws Exception {
        admission.admit("HS-NONE", CaptureAgency.none());
        admission.admit("HS-NONE-NEW", CaptureAgency.none());
        assertThat(agencyOf("HS-NONE-NEW")).isNull();
        assertThatThrownBy(() -> admission.admit("HS-A", CaptureAgency.none()))
                .extracting(e -> ((RejectedScanException) e).reason()).isEqualTo(Reason.DOSSIER_OF_ANOTHER_AGENCY);
    }

    @Test
    void anAdministratorsUploadGoesAnywhere() throws Exception {
        for (String code : new String[] {"HS-A", "HS-B", "HS-NONE"}) {
            assertThat(admission.admit(code, CaptureAgency.any())).isEqualTo(id(code));
        }
    }

    @Test
    void anUnknownAgencyAndACodeOfBadSyntaxAreRefusedAndCreateNothing() {
        assertThatThrownBy(() -> admission.admit("HS-UNKNOWN", CaptureAgency.within("KHONG-CO")))
                .extracting(e -> ((RejectedScanException) e).reason()).isEqualTo(Reason.UNKNOWN_AGENCY);
        for (String code : new String[] {"HS 01", "..", "HS/01", "hồ-sơ", ""}) {
            assertThatThrownBy(() -> admission.admit(code, CaptureAgency.any()))
                    .extracting(e -> ((RejectedScanException) e).reason()).isEqualTo(Reason.INVALID_DOSSIER_CODE);
        }
        assertThat(jdbc.queryForObject("select count(*) from dossier where code in ('HS-UNKNOWN', 'HS 01', '..',"
                + " 'HS/01', 'hồ-sơ', '')", Long.class)).isZero();
    }

    private static long id(String code) {
        return jdbc.queryForObject("select id from dossier where code = ?", Long.class, code);
    }

    private static String agencyOf(String code) {
        return jdbc.queryForObject("select a.code from dossier s left join agency a on a.id = s.agency_id"
                + " where s.code = ?", String.class, code);
    }
}
