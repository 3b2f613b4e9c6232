package vn.sohoa.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.sohoa.app.SharedCorpus;
import vn.sohoa.app.cli.ServeCommand;
import vn.sohoa.app.records.MachineServices;
import vn.sohoa.app.records.Registry;
import vn.sohoa.app.security.Accounts;
import vn.sohoa.app.security.Role;

/**
 * The web page in a real headless chromium: a reception officer signs in, uploads a real scan, watches it
 * processed and sees its page and fields; a reviewer corrects a field with the keyboard; an officer of
 * another district cannot see the dossier, its PDF or its page. Screenshots in target/screenshots.
 */
@Tag("e2e")
class WebPageEndToEndTest {

    private static final String PASSWORD = "mat-khau-8-ky-tu";
    private static final String CODE = "H450-2026-0200";

    @TempDir
    Path home;

    @TempDir
    Path profile;

    @Test
    void receptionReviewAndAnotherAgency() throws Exception {
        assumeTrue(HeadlessBrowser.available(), "chromium and chromedriver are not installed "
                + "(apt-get install -y chromium chromium-driver; bin/test does it): the browser test is skipped");
        try (MachineServices services = new MachineServices();
             ConfigurableApplicationContext context = ServeCommand.start(home, services.properties())) {
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            Registry registry = context.getBean(Registry.class);
            registry.agency(new Registry.Agency("T44", "Tỉnh Quảng Bình", Registry.Level.province, null));
            registry.agency(new Registry.Agency("H450", "UBND huyện Tuyên Hóa", Registry.Level.district, "T44"));
            registry.agency(new Registry.Agency("H451", "UBND huyện Minh Hóa", Registry.Level.district, "T44"));
            Accounts accounts = context.getBean(Accounts.class);
            accounts.create(new Accounts.NewAccount("tiepnhan450", PASSWORD, Role.TIEP_NHAN, "H450", false, null), "test");
            accounts.create(new Accounts.NewAccount("kiemtra450", PASSWORD, Role.KIEM_TRA, "H450", false, null), "test");
            accounts.create(new Accounts.NewAccount("tiepnhan451", PASSWORD, Role.TIEP_NHAN, "H451", false, null), "test");
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

            ChromeDriver browser = HeadlessBrowser.start(profile);
            try {
                // the page re-draws a dossier when an upload answers and when its event arrives: find elements afresh
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
                wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
                browser.get(base + "/");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
                assertThat(browser.findElement(By.id("login-submit")).getText()).isEqualTo("Đăng nhập");
                browser.findElement(By.id("username")).sendKeys("tiepnhan450");
                browser.findElement(By.id("password")).sendKeys("sai-mat-khau", Keys.ENTER);
                wait.until(ExpectedConditions.textToBe(By.id("login-error"), "Tên đăng nhập hoặc mật khẩu không đúng."));
                HeadlessBrowser.screenshot(browser, "1-dang-nhap");

                signIn(browser, wait, "tiepnhan450");
                // reception: a new dossier, a real scan uploaded, processed live, page and fields shown
                WebElement code = browser.findElement(By.id("dossier-code"));
                code.sendKeys(CODE, Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "Hồ sơ mới"));
                browser.findElement(By.id("file-input")).sendKeys(SharedCorpus.file("real-scans/vietsample2.png").toString());
                browser.findElement(By.id("upload-submit")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events li.done")));
                assertThat(browser.findElement(By.cssSelector("#events li.done")).getText()).isEqualTo("vietsample2.png: Đã số hóa");
                wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                        "const i = document.querySelector('#documents .doc img'); return !!i && i.complete && i.naturalWidth > 0;")));
                String pdfLinkText = wait.until(d -> d.findElement(By.cssSelector("#documents .doc a.pdf-link")).getText());
                assertThat(pdfLinkText).startsWith("Tải PDF tìm kiếm được");
                String documentId = wait.until(d -> d.findElement(By.cssSelector("#documents .doc")).getAttribute("data-document"));
                String pdfHref = wait.until(d -> d.findElement(By.cssSelector("#documents .doc a.pdf-link")).getAttribute("href"));
                assertThat(jdbc.queryForObject("select count(*) from document where id = ?::uuid", Integer.class, documentId)).isOne();
                assertThat(status(browser, pdfHref)).isEqualTo(200);
                assertThat(browser.findElement(By.id("dossier-title")).getText()).contains("UBND huyện Tuyên Hóa");
                HeadlessBrowser.screenshot(browser, "2-tiep-nhan");
                signOut(browser, wait);

                // review: the reviewer of H450 opens the document from the queue and corrects a field
                jdbc.update("update document set review_state = 'needs_review' where id = ?::uuid", documentId);
                signIn(browser, wait, "kiemtra450");
                browser.get(base + "/#kiem-tra");
                wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#queue tbody tr[data-document='" + documentId + "']")));
                wait.until(d -> {
                    d.findElement(By.cssSelector("#queue tbody tr[data-document='" + documentId + "']")).sendKeys(Keys.ENTER);
                    return true;
                });
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-form")));
                wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
                        "const i = document.getElementById('review-image'); return i.complete && i.naturalWidth > 0;")));
                browser.findElement(By.id("review-new-name")).sendKeys("so_ky_hieu");
                WebElement value = browser.findElement(By.id("review-new-value"));
                value.sendKeys("05/QĐ-UBND");
                HeadlessBrowser.screenshot(browser, "3-kiem-tra");
                value.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
                wait.until(ExpectedConditions.textToBe(By.id("review-result"), "Đã lưu bản sửa."));
                assertThat(jdbc.queryForList("select actor, field, new_value from field_correction")).containsExactly(
                        Map.of("actor", "kiemtra450", "field", "so_ky_hieu", "new_value", "05/QĐ-UBND"));
                assertThat(jdbc.queryForObject("select review_state from document where id = ?::uuid", String.class, documentId))
                        .isEqualTo("corrected");
                browser.get(base + "/#bao-cao");
                browser.findElement(By.id("report-from")).sendKeys("01012020");
                browser.findElement(By.cssSelector("#report-form button")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-text"), "số hóa"));
                HeadlessBrowser.screenshot(browser, "4-bao-cao");
                signOut(browser, wait);

                // another district's officer: the dossier looks new, its PDF and page are not found
                signIn(browser, wait, "tiepnhan451");
                assertThat(browser.findElement(By.id("dossier-code")).getAttribute("value")).isEmpty();
                assertThat(browser.findElements(By.cssSelector("#documents .doc"))).isEmpty();
                browser.findElement(By.id("dossier-code")).sendKeys(CODE, Keys.ENTER);
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "Hồ sơ mới"));
                assertThat(browser.findElements(By.cssSelector("#documents .doc"))).isEmpty();
                assertThat(status(browser, pdfHref)).isEqualTo(404);
                assertThat(status(browser, base + "/api/documents/" + documentId + "/pages/1.png")).isEqualTo(404);
                browser.findElement(By.id("file-input")).sendKeys(SharedCorpus.file("real-scans/vietsample2.png").toString());
                browser.findElement(By.id("upload-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("reception-error"), "Không tìm thấy"));
                HeadlessBrowser.screenshot(browser, "5-co-quan-khac");
                assertThat(jdbc.queryForObject("select count(*) from document", Integer.class)).isEqualTo(1);
            } finally {
                browser.quit();
            }
            AmqpAdmin amqp = context.getBean(AmqpAdmin.class);
            amqp.deleteQueue(services.queue);
            amqp.deleteQueue(services.deadLetterQueue);
        }
    }

    private static void signIn(ChromeDriver browser, WebDriverWait wait, String username) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        WebElement user = browser.findElement(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement password = browser.findElement(By.id("password"));
        password.clear();
        password.sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), username));
    }

    private static void signOut(ChromeDriver browser, WebDriverWait wait) {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    /** The HTTP status of a GET made by the page itself, with its session cookie. */
    private static long status(ChromeDriver browser, String url) {
        Object status = browser.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0], {credentials: 'same-origin'})"
                        + ".then(r => done(r.status), e => done(-1));", url);
        return ((Number) status).longValue();
    }

    @SuppressWarnings("unused")
    private static List<String> texts(List<WebElement> elements) {
        return elements.stream().map(WebElement::getText).toList();
    }
}
