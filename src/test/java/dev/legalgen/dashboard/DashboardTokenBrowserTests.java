package dev.legalgen.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With {@code legalgen.api.token} set, a POST from the page without the token is refused and the page says why;
 * entered in its field, the token is kept in the tab's session storage only, never shown, and the POST goes through.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:dashboard-token-browser;DB_CLOSE_DELAY=-1",
            "legalgen.job.chain=simulator",
            "legalgen.api.token=browser-s3cret",
            // a provider with a key, which the page must never show (nothing calls it here)
            "legalgen.providers.keyed.base-url=http://127.0.0.1:9/v1",
            "legalgen.providers.keyed.api-key=" + DashboardTokenBrowserTests.PROVIDER_KEY,
            "legalgen.providers.keyed.models=keyed-model"
        })
class DashboardTokenBrowserTests {

    private static final String TOKEN = "browser-s3cret";
    static final String PROVIDER_KEY = "sk-never-shown-4711";

    @LocalServerPort
    int port;

    Browser browser;
    Rest rest;

    @BeforeAll
    static void browserInstalled() {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void openThePage() {
        rest = new Rest(port);
        browser = Browser.open();
        browser.driver().get("http://127.0.0.1:" + port + "/");
        browser.await(d ->
                !browser.find("start-areas").findElements(By.tagName("input")).isEmpty());
    }

    @AfterEach
    void closeThePage() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aStartWithoutTheTokenIsRefusedAndThePageSaysWhyThenTheTokenLetsItThrough() {
        // when: started without a token
        browser.find("start-target").clear();
        browser.find("start-target").sendKeys("10");
        browser.find("start-submit").click();

        // then: refused, said so in the page, and nothing was launched
        browser.await(textToBePresentInElementLocated(
                By.id("notice"), "refused (401): this server needs its API token: enter it above"));
        assertThat(rest.get("/api/generate/batch/executions")).isEmpty();

        // when: the token is entered and the start sent again
        browser.find("token").sendKeys(TOKEN);
        browser.find("token-use").click();
        browser.await(textToBePresentInElementLocated(By.id("token-state"), "token set"));
        browser.find("start-submit").click();

        // then: launched, and the token is in the tab's session storage but nowhere in the page
        browser.await(textToBePresentInElementLocated(By.id("notice"), "launched"));
        browser.await(textToBePresentInElementLocated(By.id("p-status"), "COMPLETED"));
        assertThat(rest.get("/api/generate/batch/executions")).hasSize(1);
        assertThat(browser.find("token").getAttribute("value")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(TOKEN);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertThat(js.executeScript("return sessionStorage.getItem('legalgen.api.token');"))
                .isEqualTo(TOKEN);
        assertThat(js.executeScript("return localStorage.length;")).isEqualTo(0L);
        assertThat(js.executeScript("return document.cookie;")).isEqualTo("");

        // when: forgotten, the next start is refused again with the same words
        browser.find("token-forget").click();
        browser.find("start-submit").click();
        browser.await(textToBePresentInElementLocated(By.id("notice"), "this server needs its API token"));
    }

    @Test
    void theDashboardReadsWithoutATokenAndShowsNoKey() {
        // reads stay open, as in the REST API: the page fills without a token
        browser.await(textToBePresentInElementLocated(By.id("provider-table"), "simulator"));
        assertThat(browser.find("notice").getText()).isEmpty();
        // a provider with a key is said to be usable, its key is nowhere
        assertThat(browser.find("provider-table").getText()).contains("keyed usable");
        assertThat(browser.driver().getPageSource()).doesNotContain(PROVIDER_KEY);
        assertThat(rest.get("/api/catalog").toString()).doesNotContain(PROVIDER_KEY);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
