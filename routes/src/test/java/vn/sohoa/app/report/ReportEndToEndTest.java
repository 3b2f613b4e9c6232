package vn.sohoa.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import picocli.CommandLine;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.cli.SohoaCommand;
import vn.sohoa.app.records.DocumentRole;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.RecordStore;
import vn.sohoa.app.records.Registry;
import vn.sohoa.app.records.SyntheticDocuments;
import vn.sohoa.app.security.Accounts;
import vn.sohoa.app.security.Role;

/**
 * A province with a district and a commune under it, a procedure with two required components, and
 * dossiers in and out of the period: the report counts what it should, per level and procedure, in JSON,
 * CSV, XLSX and from `sohoa report`.
 */
@Tag("e2e")
class ReportEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void theDigitizationRateOfADistrictAndItsCommunes() throws Exception {
        try (MachineServices services = new MachineServices();
             ConfigurableApplicationContext context = ServeCommand.start(home, services.properties())) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            RestClient admin = RestClient.builder().baseUrl(base).defaultHeaders(h -> h.setBasicAuth(
                    MachineServices.ADMIN_USER, MachineServices.ADMIN_PASSWORD)).build();
            Registry registry = context.getBean(Registry.class);
            RecordStore records = context.getBean(RecordStore.class);
            SyntheticDocuments documents = new SyntheticDocuments(Files.createDirectories(home.resolve("synthetic")));
            registry.agency(new Registry.Agency("T44", "Tỉnh Quảng Bình", Registry.Level.province, null));
            registry.agency(new Registry.Agency("H450", "UBND huyện Tuyên Hóa", Registry.Level.district, "T44"));
            registry.agency(new Registry.Agency("X19", "UBND xã Thạch Hóa", Registry.Level.commune, "H450"));
            registry.agency(new Registry.Agency("H451", "UBND huyện Minh Hóa", Registry.Level.district, "T44"));
            registry.procedure(new Registry.Procedure("1.004227", "Đăng ký đất đai lần đầu", Registry.Level.district, List.of(
                    new Registry.Component("don", "Đơn đăng ký", true),
                    new Registry.Component("giay_to", "Giấy tờ về quyền sử dụng đất", true),
                    new Registry.Component("so_do", "Sơ đồ thửa đất", false))));
            LocalDate inPeriod = LocalDate.of(2026, 3, 2);
            // H450-1: both required components and the result: digitized, result digitized
            dossier(registry, "H450-1", "H450", inPeriod, "resolved");
            record(records, documents, "H450-1", DocumentRole.SUBMITTED, "don");
            record(records, documents, "H450-1", DocumentRole.SUBMITTED, "giay_to");
            record(records, documents, "H450-1", DocumentRole.RESULT, null);
            // H450-2: one required component missing (the optional one is there): not digitized
            dossier(registry, "H450-2", "H450", inPeriod, null);
            record(records, documents, "H450-2", DocumentRole.SUBMITTED, "don");
            record(records, documents, "H450-2", DocumentRole.SUBMITTED, "so_do");
            // X19-1, a commune under H450: digitized, resolved without a digitized result
            dossier(registry, "X19-1", "X19", inPeriod, "resolved");
            record(records, documents, "X19-1", DocumentRole.SUBMITTED, "don");
            record(records, documents, "X19-1", DocumentRole.SUBMITTED, "giay_to");
            // outside the period, or in another district: not counted for H450 in March
            dossier(registry, "H450-OLD", "H450", LocalDate.of(2026, 1, 5), null);
            dossier(registry, "H451-1", "H451", inPeriod, null);

            JsonNode view = JSON.readTree(admin.get()
                    .uri("/api/reports/digitization?from=2026-03-01&to=2026-03-31&agency=H450").retrieve().body(String.class));
            JsonNode total = view.get("report").get("total");
            assertThat(total.get("received").asLong()).isEqualTo(3);
            assertThat(total.get("digitized").asLong()).isEqualTo(2);
            assertThat(total.get("resolved").asLong()).isEqualTo(2);
            assertThat(total.get("resultsDigitized").asLong()).isEqualTo(1);
            assertThat(view.get("text").asText()).isEqualTo("UBND huyện Tuyên Hóa thực hiện số hóa 2/3 hồ sơ, đạt 66,67%;"
                    + " số hóa 1/2 kết quả, đạt 50,00% (từ ngày 01/03/2026 đến ngày 31/03/2026)");
            JsonNode levels = view.get("report").get("byLevel");
            assertThat(levels).hasSize(2);
            assertThat(levels.get(0).get("name").asText()).isEqualTo("Cấp huyện");
            assertThat(levels.get(0).get("text").asText()).startsWith("số hóa 1/2 hồ sơ, đạt 50,00%");
            assertThat(levels.get(1).get("name").asText()).isEqualTo("Cấp xã");
            assertThat(levels.get(1).get("text").asText()).startsWith("số hóa 1/1 hồ sơ, đạt 100,00%");
            JsonNode procedures = view.get("report").get("byProcedure");
            assertThat(procedures).hasSize(1);
            assertThat(procedures.get(0).get("code").asText()).isEqualTo("1.004227");

            JsonNode province = JSON.readTree(admin.get()
                    .uri("/api/reports/digitization?from=2026-03-01&to=2026-03-31&agency=T44").retrieve().body(String.class));
            assertThat(province.get("report").get("total").get("received").asLong()).isEqualTo(4);

            String csv = admin.get()
                    .uri("/api/reports/digitization.csv?from=2026-03-01&to=2026-03-31&agency=H450").retrieve().body(String.class);
            assertThat(csv).contains("Tổng cộng,,Tổng cộng,3,2,\"66,67%\",2,1,\"50,00%\"");
            byte[] xlsx = admin.get()
                    .uri("/api/reports/digitization.xlsx?from=2026-03-01&to=2026-03-31&agency=H450").retrieve().body(byte[].class);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getSheet("Số hóa");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("UBND huyện Tuyên Hóa thực hiện số hóa 2/3");
                assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(3.0);
                assertThat(sheet.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(0.6667);
            }

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReportCommand command = new ReportCommand();
            command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
            Accounts accounts = context.getBean(Accounts.class);
            accounts.create(new Accounts.NewAccount("baocao450", null, Role.API, "H450", false, "Báo cáo"), "test");
            String token = accounts.newToken("baocao450", "report", "test");
            int exit = new CommandLine(command).execute("--from", "2026-03-01", "--to", "2026-03-31", "--agency", "H450",
                    "--url", base, "--token", token);
            assertThat(exit).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("UBND huyện Tuyên Hóa thực hiện số hóa 2/3 hồ sơ, đạt 66,67%",
                    "Cấp xã: số hóa 1/1 hồ sơ, đạt 100,00%", "Đăng ký đất đai lần đầu: số hóa 2/3 hồ sơ");
            assertThat(new CommandLine(new SohoaCommand()).getSubcommands()).containsKey("report");
            AmqpAdmin amqp = context.getBean(AmqpAdmin.class);
            amqp.deleteQueue(services.queue);
            amqp.deleteQueue(services.deadLetterQueue);
        }
    }

    private static void dossier(Registry registry, String code, String agency, LocalDate received, String status) {
        registry.dossier(new Registry.DossierFacts(code, agency, "1.004227", received, received.plusDays(15), status), "test");
    }

    private static void record(RecordStore records, SyntheticDocuments documents, String code, DocumentRole role,
                               String component) throws java.io.IOException {
        records.record(code, documents.document(role == DocumentRole.RESULT ? "quyet_dinh" : "don_de_nghi", Map.of(),
                code + " " + component), "/o", role, component, "test");
    }
}
