package vn.sohoa.app.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.sohoa.app.records.AgencyScope;
import vn.sohoa.app.records.NotFoundException;

/**
 * Counts for {@link DigitizationReport} in PostgreSQL. A dossier counts in the period of its received date
 * (its recording date when the one-stop system has not said). Its components are digitized when every
 * required component of its procedure has a submitted document; a dossier of no known procedure, or of
 * one without required components, when it has any submitted document. Its result is digitized when a
 * document with the role result is recorded; it is resolved when its status says so or a result is there.
 */
@Repository
public class DigitizationReports {

    private static final String DOSSIERS = """
            with d as (
                select s.id, s.procedure_id, a.level,
                    case when not exists (select 1 from procedure_component c
                                          where c.procedure_id = s.procedure_id and c.required)
                         then exists (select 1 from document x where x.dossier_id = s.id and x.role = 'submitted')
                         else not exists (select 1 from procedure_component c
                                          where c.procedure_id = s.procedure_id and c.required
                                          and not exists (select 1 from document x where x.dossier_id = s.id
                                                          and x.role = 'submitted' and x.component_code = c.code))
                    end as digitized,
                    exists (select 1 from document x where x.dossier_id = s.id and x.role = 'result') as result_digitized,
                    s.status = 'resolved' as resolved
                from dossier s left join agency a on a.id = s.agency_id
                where coalesce(s.received_on, s.created_at::date) between ? and ? and %s)
            """;

    private static final String COUNTS = """
            count(*), count(*) filter (where digitized),
            count(*) filter (where resolved or result_digitized), count(*) filter (where result_digitized)""";

    private final JdbcTemplate jdbc;

    public DigitizationReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public DigitizationReport report(LocalDate from, LocalDate to, AgencyScope scope) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
        String agencyName = null;
        if (!scope.isAll()) {
            agencyName = jdbc.query("select name from agency where code = ?", (rs, i) -> rs.getString(1),
                    scope.agencyCode()).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("no agency with code " + scope.agencyCode()));
        }
        String with = DOSSIERS.formatted(scope.condition("s.agency_id"));
        Object[] args = scope.isAll() ? new Object[] {from, to} : new Object[] {from, to, scope.agencyCode()};
        DigitizationReport.Row total = jdbc.queryForObject(with + "select null, 'Tổng cộng', " + COUNTS + " from d",
                (rs, i) -> row(rs), args);
        List<DigitizationReport.Row> byProcedure = new ArrayList<>(jdbc.query(with + """
                select p.code, coalesce(p.name, 'Chưa xác định thủ tục'), %s
                from d left join procedure p on p.id = d.procedure_id
                group by p.code, p.name order by count(*) desc, p.code""".formatted(COUNTS), (rs, i) -> row(rs), args));
        List<DigitizationReport.Row> byLevel = jdbc.query(with + """
                select d.level, case d.level when 'province' then 'Cấp tỉnh' when 'district' then 'Cấp huyện'
                                             when 'commune' then 'Cấp xã' else 'Chưa xác định cơ quan' end, %s
                from d group by d.level
                order by array_position(array['province', 'district', 'commune'], d.level) nulls last"""
                .formatted(COUNTS), (rs, i) -> row(rs), args);
        return new DigitizationReport(from, to, scope.agencyCode(), agencyName, total, byProcedure, byLevel);
    }

    private static DigitizationReport.Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DigitizationReport.Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6));
    }
}
