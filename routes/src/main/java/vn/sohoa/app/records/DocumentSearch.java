package vn.sohoa.app.records;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Full-text search over the OCR text of pages and the fields of documents, the way Vietnamese users type:
 * "ho so dat dai" finds "hồ sơ đất đai". Both sides are folded by {@code sohoa_fold} (no accents, lower case)
 * and matched through the GIN indexes on the generated {@code search_vector} columns; hits are ranked with
 * ts_rank_cd (a field hit counts double) and the snippet is the original text with the matched words marked.
 */
@Repository
public class DocumentSearch {

    /** Marks around matched words in a snippet; the web layer escapes the text and turns them into HTML. */
    public static final String START = "\u0002";
    public static final String STOP = "\u0003";

    public record Hit(String dossierCode, UUID documentId, Integer pageNumber, String type, String role, double rank,
                      String snippet) {
    }

    static final String HEADLINE_OPTIONS = "StartSel=" + START + ", StopSel=" + STOP
            + ", MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=\" … \"";

    private final JdbcTemplate jdbc;

    public DocumentSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The query: text, [agency code], limit, offset, headline options twice. */
    static String sql(AgencyScope scope) {
        return """
                    with q as (select plainto_tsquery('sohoa_vi', sohoa_fold(?)) as query),
                    hits as (
                        select p.document_id, p.number, ts_rank_cd(p.search_vector, q.query) as rank
                        from page p, q where p.search_vector @@ q.query
                        union all
                        select d.id, null::integer, 2 * ts_rank_cd(d.search_vector, q.query)
                        from document d, q where d.search_vector @@ q.query),
                    top as (
                        select h.document_id, h.number, h.rank
                        from hits h\s""" + (scope.isAll() ? "" : """
                        join document d on d.id = h.document_id join dossier s on s.id = d.dossier_id
                        where\s""" + scope.condition("s.agency_id")) + """
                        order by h.rank desc, h.document_id, h.number nulls first
                        limit ? offset ?)
                    select s.code, d.id, t.number, d.type, d.role, t.rank,
                           case when t.number is null
                                then ts_headline('sohoa_vi', sohoa_field_text(d.fields), q.query, ?)
                                else ts_headline('sohoa_vi', p.text, q.query, ?) end
                    from top t cross join q
                    join document d on d.id = t.document_id join dossier s on s.id = d.dossier_id
                    left join page p on p.document_id = t.document_id and p.number = t.number
                    order by t.rank desc, t.document_id, t.number nulls first""";
    }

    public List<Hit> search(String query, AgencyScope scope, int limit, int offset) {
        String text = Normalizer.normalize(query == null ? "" : query, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(text);
        if (!scope.isAll()) {
            args.add(scope.agencyCode());
        }
        args.add(Math.max(1, Math.min(limit, 100)));
        args.add(Math.max(0, offset));
        args.add(HEADLINE_OPTIONS);
        args.add(HEADLINE_OPTIONS);
        return jdbc.query(sql(scope),
                (rs, i) -> new Hit(rs.getString(1), rs.getObject(2, UUID.class), (Integer) rs.getObject(3),
                        rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getString(7)), args.toArray());
    }
}
