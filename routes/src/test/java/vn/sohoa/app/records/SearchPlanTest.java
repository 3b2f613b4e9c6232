package vn.sohoa.app.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Search on 100,000 synthetic pages of Vietnamese-looking text (generated in SQL), with "hồ sơ đất đai" in
 * one page of 200: the plan of the unaccented query uses the GIN index, not a sequential scan. The plan is
 * printed (docs/search.md shows one).
 */
@Tag("e2e")
class SearchPlanTest {

    static final int PAGES = 100_000;

    @Test
    void anUnaccentedSearchOfAHundredThousandPagesUsesTheIndex() throws Exception {
        Assumptions.assumeTrue(MachineServices.listening(5432), "the machine's PostgreSQL is not running");
        try (MachineServices services = new MachineServices()) {
            services.properties();
            String url = "jdbc:postgresql://127.0.0.1:5432/" + services.database;
            Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
            try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
                long started = System.nanoTime();
                load(jdbc);
                System.out.printf("loaded %,d pages in %.1f s%n", PAGES, (System.nanoTime() - started) / 1e9);
                List<String> plan = jdbc.queryForList("""
                        explain (analyze, buffers, costs off)
                        select p.document_id, p.number, ts_rank_cd(p.search_vector, q.query) as rank
                        from page p, plainto_tsquery('sohoa_vi', sohoa_fold('ho so DAT DAI')) q(query)
                        where p.search_vector @@ q.query
                        order by rank desc limit 20""", String.class);
                plan.forEach(System.out::println);
                String text = String.join("\n", plan);
                assertThat(text).contains("Bitmap Index Scan on page_search").doesNotContain("Seq Scan on page");
                long hits = jdbc.queryForObject("""
                        select count(*) from page
                        where search_vector @@ plainto_tsquery('sohoa_vi', sohoa_fold('ho so dat dai'))""", Long.class);
                assertThat(hits).isEqualTo(PAGES / 200);

                // the whole search of the API: pages and fields, ranked, 20 snippets highlighted
                List<String> full = jdbc.queryForList("explain (analyze, costs off) " + DocumentSearch.sql(AgencyScope.all()),
                        String.class, "ho so DAT DAI", 20, 0, DocumentSearch.HEADLINE_OPTIONS, DocumentSearch.HEADLINE_OPTIONS);
                full.forEach(System.out::println);
                assertThat(String.join("\n", full)).contains("Bitmap Index Scan on page_search",
                        "Bitmap Index Scan on document_search").doesNotContain("Seq Scan on page");
                List<DocumentSearch.Hit> found = new DocumentSearch(jdbc).search("HO SO dat dai", AgencyScope.all(), 5, 0);
                assertThat(found).hasSize(5).allSatisfy(h -> assertThat(h.snippet())
                        .contains(DocumentSearch.START + "Hồ" + DocumentSearch.STOP));
            }
        }
    }

    /** 5,000 dossiers of 4 documents of 5 pages; every page 60 syllables, every 200th with "Hồ sơ đất đai". */
    private static void load(JdbcTemplate jdbc) {
        jdbc.execute("insert into dossier (code) select 'HS-' || g from generate_series(1, 5000) g");
        jdbc.execute("""
                insert into document (id, dossier_id, type, type_confidence, fields, needs_review, page_count,
                    mean_confidence, original_name, original_sha256, original_size, original_path, pdf_path, pdf_sha256,
                    pdf_size)
                select gen_random_uuid(), (select id from dossier where code = 'HS-' || (1 + (g - 1) / 4)), 'khac', 0.5,
                    jsonb_build_object('so_ky_hieu', jsonb_build_object('value', g || '/QĐ-UBND', 'confidence', 0.9)),
                    false, 5, 80, 'scan.png', lpad(to_hex(g), 64, '0'), 1, '/x.png', '/x.pdf', lpad(to_hex(g), 64, '0'), 1
                from generate_series(1, 20000) g""");
        jdbc.execute("""
                with syllables as (
                    select array_agg(i || r) as s
                    from unnest(array['b','c','d','đ','g','h','k','l','m','n','ng','nh','ph','qu','s','t','th','tr','v',
                                      'x','ch','gi','kh']) i,
                         unnest(array['a','à','ạ','an','ăn','ân','anh','ao','âu','ê','ế','em','en','iên','inh','ích',
                                      'o','ô','ơ','ơn','ông','ung','ương','ước','ưu','ai','ay','oi','ui','ưa']) r),
                numbered as (select d.id, n, row_number() over (order by d.id, n) as k
                             from document d, generate_series(1, 5) n)
                insert into page (document_id, number, text, mean_confidence, rotation, skew_degrees, blank, dpi)
                select id, n,
                    case when k % 200 = 0 then 'Hồ sơ đất đai của hộ gia đình ' else '' end
                    || (select string_agg(s[1 + floor(random() * array_length(s, 1))::int], ' ')
                        from syllables, generate_series(1, 60 + 0 * n)),
                    85, 0, 0, false, 300
                from numbered""");
        jdbc.execute("analyze");
    }
}
