package vn.sohoa.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.sohoa.app.config.EmbeddedDatabase;

/**
 * The embedded PostgreSQL (zonky binaries, 14.x) ships unaccent and pg_trgm: the migrations create both,
 * and the accent folding and the highlighting work there as on a packaged PostgreSQL.
 */
@Tag("e2e")
class EmbeddedExtensionsTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedServerHasUnaccentAndPgTrgmAndSearchWorks() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"), 0, "mat-khau-co-so-du-lieu")) {
            Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.jdbcUrl(), db.user(), db.password()));
            System.out.println("embedded: " + jdbc.queryForObject("select version()", String.class));
            assertThat(jdbc.queryForList("select extname from pg_extension", String.class)).contains("unaccent", "pg_trgm");
            assertThat(jdbc.queryForObject("select sohoa_fold('Hồ Sơ ĐẤT ĐAI, Quyết định')", String.class))
                    .isEqualTo("ho so dat dai, quyet dinh");
            assertThat(jdbc.queryForObject("select ts_headline('sohoa_vi', 'Hồ sơ đất đai của gia đình', "
                    + "plainto_tsquery('sohoa_vi', sohoa_fold('ho so dat dai')))", String.class))
                    .isEqualTo("<b>Hồ</b> <b>sơ</b> <b>đất</b> <b>đai</b> của gia đình");
            assertThat(jdbc.queryForObject("select similarity(sohoa_fold('Tuyên Hóa'), sohoa_fold('tuyen hoa'))",
                    Double.class)).isEqualTo(1.0);
        }
    }
}
