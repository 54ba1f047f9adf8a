package dev.legalgen.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textMatches;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import dev.legalgen.chain.SimulatorProvider;
import dev.legalgen.job.DatasetJobConfiguration;
import dev.legalgen.simulator.Fault;
import dev.legalgen.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser against the built-in simulator: a batch started from the form, its progress
 * changing without a reload until it completes, a sample opened, the sample browser filtered and paged, a second run
 * stopped and restarted, a breaker opening when the simulator fails a route; no console errors on the way. What the
 * page shows is checked against the REST API's answers, which it reads.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:dashboard-browser;DB_CLOSE_DELAY=-1",
            "legalgen.job.chain=simulator",
            // one partition: chunks of ten one after the other, so that a hold stops a run at a known count
            "legalgen.job.partitions=1",
            "legalgen.chain.initial-backoff=10ms",
            "legalgen.chain.max-backoff=20ms",
            "legalgen.job.retry-delay=10ms"
        })
class DashboardBrowserTests {

    private static final Pattern LAUNCHED = Pattern.compile("execution (\\d+) launched");

    @LocalServerPort
    int port;

    @Autowired
    SimulatorProvider simulatorProvider;

    Simulator simulator;
    Browser browser;
    Rest rest;

    @BeforeAll
    static void browserInstalled() {
        Browser.assumeInstalled();
    }

    @BeforeEach
    void openThePage() {
        simulator = simulatorProvider.simulator();
        rest = new Rest(port);
        browser = Browser.open();
        browser.driver().get("http://127.0.0.1:" + port + "/");
        browser.await(d ->
                !browser.find("start-areas").findElements(By.tagName("input")).isEmpty());
        // a mark a reload would lose
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true;");
    }

    @AfterEach
    void closeThePage() {
        simulator.faults().clear();
        simulator.releaseRequests();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchStartedFromTheFormShowsItsProgressWithoutAReloadUntilItCompletes() {
        // given: the provider answers the first chunk, then holds
        simulator.holdRequestsAfter(DatasetJobConfiguration.CHUNK_SIZE);

        // when
        long executionId = startFromTheForm("browser-progress", 30, "");

        // then: the first chunk shows, as the status says, while the run goes on
        browser.await(textToBePresentInElementLocated(By.id("p-samples"), "10 / 30"));
        assertThat(browser.find("progress-id").getText()).isEqualTo(String.valueOf(executionId));
        assertThat(browser.find("p-status").getText()).isEqualTo("STARTED (running)");
        assertThat(browser.find("p-route").getText()).isEqualTo("simulator:legal-sim-large (live)");
        JsonNode running = status(executionId);
        assertThat(running.at("/samples/committed").asLong()).isEqualTo(10);
        assertThat(browser.find("p-rate").getText()).endsWith("samples/s");
        assertThat(browser.find("p-eta").getText()).isNotEqualTo("–");
        browser.screenshot("progress", browser.find("progress"));

        // when: the provider answers again
        simulator.releaseRequests();

        // then: it completes on the same page, which was never reloaded
        browser.await(textToBePresentInElementLocated(By.id("p-status"), "COMPLETED"));
        browser.await(textToBePresentInElementLocated(By.id("p-samples"), "30 / 30 (100 %)"));
        JsonNode done = status(executionId);
        assertThat(browser.find("p-skips").getText())
                .isEqualTo(done.at("/counts/skipped").asString());
        assertThat(browser.find("p-tokens").getText())
                .startsWith(done.at("/spend/spent/total").asString() + " (prompt");
        assertThat(browser.find("p-cost").getText())
                .isEqualTo("$" + done.at("/spend/spent/cost_usd").asString());
        WebElement row = browser.await(textToBePresentInElementLocated(By.id("execution-" + executionId), "COMPLETED"))
                ? browser.find("execution-" + executionId)
                : null;
        assertThat(row.getText()).contains("browser-progress").contains("30 / 30");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertThat(js.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        // and it asked for this execution's status at most once a second
        List<Object> polls = (List<Object>) js.executeScript(
                "return performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.endsWith('/api/generate/batch/status?execution_id=' + arguments[0]))"
                        + ".map(e => e.startTime);",
                executionId);
        assertThat(polls).hasSizeGreaterThan(2);
        for (int i = 1; i < polls.size(); i++) {
            double gap = ((Number) polls.get(i)).doubleValue() - ((Number) polls.get(i - 1)).doubleValue();
            assertThat(gap).as("ms between status polls %d and %d", i - 1, i).isGreaterThanOrEqualTo(1000.0);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aSampleOpensWithItsFullTextAndTheBrowserFiltersAndPages() {
        // given a completed run of 24 samples over two difficulties
        browser.find("difficulty-basic").click();
        browser.find("difficulty-advanced").click();
        long executionId = startFromTheForm("browser-samples", 24, "");
        browser.await(textToBePresentInElementLocated(By.id("p-status"), "COMPLETED"));

        // then: the coverage grid and the first page of samples
        browser.await(textToBePresentInElementLocated(By.id("page-info"), "page 1 of 3 (24 samples)"));
        assertThat(browser.find("coverage").getText()).contains("basic").contains("advanced");
        int planned = 0;
        for (JsonNode cell : rest.get("/api/generate/batch/coverage?execution_id=" + executionId)) {
            planned += cell.get("planned").asInt();
        }
        assertThat(planned).isEqualTo(24);
        assertThat(browser.find("samples").findElements(By.cssSelector("tbody tr")))
                .hasSize(10);

        // when: the next page
        browser.find("page-next").click();

        // then
        browser.await(textToBePresentInElementLocated(By.id("page-info"), "page 2 of 3"));

        // when: filtered to basic from one practice area
        JsonNode first = rest.get("/api/samples?limit=1&execution_id=" + executionId + "&difficulty=basic")
                .get(0);
        String area = first.get("practice_area").asString();
        new Select(browser.find("f-area")).selectByValue(area);
        new Select(browser.find("f-difficulty")).selectByValue("basic");
        browser.find("f-apply").click();

        // then: as many as the API counts, each of that area and difficulty
        String expected = rest.header(
                "/api/samples?limit=1&execution_id=" + executionId + "&difficulty=basic&practice_area="
                        + area.replace(" ", "%20"),
                "X-Total-Count");
        browser.await(textToBePresentInElementLocated(
                By.id("page-info"), "page 1 of 1 (" + expected + (expected.equals("1") ? " sample)" : " samples)")));
        List<WebElement> rows = browser.find("samples").findElements(By.cssSelector("tbody tr"));
        assertThat(rows)
                .hasSize(Integer.parseInt(expected))
                .allSatisfy(r -> assertThat(r.getText()).contains(area).contains("basic"));

        // when: a sample is opened
        String id = first.get("id").asString();
        browser.driver()
                .findElement(By.cssSelector("button[aria-label='Open sample " + id + "']"))
                .click();

        // then: its full text
        browser.await(visibilityOfElementLocated(By.id("sample-detail")));
        assertThat(browser.find("sample-title").getText()).isEqualTo("Sample " + id);
        assertThat(browser.find("sample-question").getText())
                .isEqualTo(first.get("question").asString().strip());
        assertThat(browser.find("sample-answer").getText())
                .isEqualTo(first.get("answer").asString().strip());
        assertThat(browser.find("sample-citation").getText())
                .isEqualTo(first.get("case_citation").asString().strip());
        browser.screenshot("dataset", browser.find("dataset"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aSecondRunStoppedFromThePageRestartsFromItToCompletion() {
        // given: a run held after its first chunk
        simulator.holdRequestsAfter(DatasetJobConfiguration.CHUNK_SIZE);
        long first = startFromTheForm("browser-stop", 40, "");
        By row = By.id("execution-" + first);
        browser.await(textToBePresentInElementLocated(row, "10 / 40"));

        // when: stopped from its row, and the provider answers once the stop is taken
        browser.click(button(first, "Stop"));
        browser.await(textToBePresentInElementLocated(By.id("notice"), "will stop after its current chunk"));
        simulator.releaseRequests();

        // then
        browser.await(textToBePresentInElementLocated(row, "STOPPED"));
        browser.await(d -> !d.findElements(By.cssSelector("#execution-" + first + " button[data-action=restart]"))
                .isEmpty());
        assertThat(status(first).get("status").asString()).isEqualTo("STOPPED");
        browser.screenshot("runs", browser.find("runs"));

        // when: restarted from its row
        browser.click(button(first, "Restart"));

        // then: a new execution of the same instance completes it
        String notice = browser.await(textMatches(By.id("notice"), LAUNCHED)) ? noticeText() : "";
        long second = executionOf(notice);
        assertThat(second).isGreaterThan(first);
        browser.await(textToBePresentInElementLocated(By.id("execution-" + second), "COMPLETED"));
        assertThat(browser.find("execution-" + second).getText()).contains("40 / 40");
        assertThat(status(second).get("instance_id").asLong())
                .isEqualTo(status(first).get("instance_id").asLong());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aRunInBatchModeStartedFromTheFormShowsItsProviderBatches() {
        // when
        new Select(browser.find("start-mode")).selectByValue("batch");
        long executionId = startFromTheForm("browser-batch-mode", 15, "");

        // then: completed through the simulator's Batch API, its file as the status lists it
        browser.await(textToBePresentInElementLocated(By.id("p-status"), "COMPLETED"));
        JsonNode status = status(executionId);
        assertThat(status.at("/batches/files")).hasSize(1);
        assertThat(browser.find("p-batches").getText())
                .isEqualTo("1 file (" + status.at("/batches/files/0/status").asString() + " 1), 15 of 15 lines"
                        + " completed");
        assertThat(browser.find("p-samples").getText()).startsWith("15 / 15");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void abandonAsksFirstAndAnAbandonedRunOffersNoRestart() {
        // given: a stopped run
        simulator.holdRequests();
        long executionId = startFromTheForm("browser-abandon", 20, "");
        browser.await(d -> simulator.heldRequestCount() > 0);
        browser.click(button(executionId, "Stop"));
        browser.await(textToBePresentInElementLocated(By.id("notice"), "will stop after its current chunk"));
        simulator.releaseRequests();
        By row = By.id("execution-" + executionId);
        browser.await(textToBePresentInElementLocated(row, "STOPPED"));
        browser.await(d -> !d.findElements(button(executionId, "Abandon")).isEmpty());

        // when: abandon, then thought better of
        browser.click(button(executionId, "Abandon"));
        browser.await(ExpectedConditions.alertIsPresent()).dismiss();

        // then: nothing was asked of the server
        assertThat(status(executionId).get("status").asString()).isEqualTo("STOPPED");

        // when: abandon, confirmed
        browser.click(button(executionId, "Abandon"));
        browser.await(ExpectedConditions.alertIsPresent()).accept();

        // then: ABANDONED, with nothing left to do but watch it
        browser.await(textToBePresentInElementLocated(row, "ABANDONED"));
        browser.await(textToBePresentInElementLocated(By.id("notice"), "execution " + executionId + " abandoned"));
        assertThat(status(executionId).get("status").asString()).isEqualTo("ABANDONED");
        browser.await(d -> d.findElements(By.cssSelector("#execution-" + executionId + " button"))
                        .size()
                == 1);
        assertThat(browser.find("execution-" + executionId).getText()).endsWith("Watch");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aBreakerOpensOnTheRouteTheSimulatorFails() {
        // given: the large model answers 500 to everything, and the run is held once it has gone on without it
        simulator.faults().forModel("legal-sim-large").always(new Fault.Status(500, null));
        simulator.holdRequestsAfter(20);

        // when
        // (the simulator's chain: its large model, then its small one)
        long executionId = startFromTheForm("browser-breaker", 30, "");

        // then: its route's breaker shows OPEN while the run is live, and the timeline says why
        By routes = By.id("routes");
        browser.await(textToBePresentInElementLocated(routes, "simulator:legal-sim-large OPEN"));
        // (the failures are events in the database, which can come a poll after the live breaker)
        browser.await(textToBePresentInElementLocated(routes, "server_error"));
        browser.await(textToBePresentInElementLocated(
                By.id("switches"), "breaker_transition simulator:legal-sim-large: CLOSED -> OPEN"));
        browser.await(textToBePresentInElementLocated(
                By.id("switches"), "model_switch simulator:legal-sim-small: from simulator:legal-sim-large"));
        JsonNode providers = rest.get("/api/providers?execution_id=" + executionId);
        assertThat(providers.at("/routes/0/breaker").asString()).isEqualTo("OPEN");
        // and the provider's headroom, as its latest response's headers said
        long tokensLeft =
                providers.at("/routes/0/rate_limit/tokens_per_minute/remaining").asLong(-1);
        assertThat(tokensLeft).isNotNegative();
        browser.await(textMatches(routes, Pattern.compile("tokens/min \\d+ left of \\d+")));
        browser.screenshot("providers", browser.find("providers"));

        // and it completes on the other route
        simulator.releaseRequests();
        browser.await(textToBePresentInElementLocated(By.id("p-status"), "COMPLETED"));
        // and once the run has ended here, its breaker as the run last recorded it, with no headroom to show
        browser.await(textMatches(
                routes,
                Pattern.compile(
                        "simulator:legal-sim-large (OPEN|HALF_OPEN) \\(recorded \\d{4}-\\d\\d-\\d\\d [\\d:]{8}\\)"
                                + " – \\(known in the process that runs it\\)")));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theFormsBudgetAndExportFileReachTheRun(@TempDir Path exports) throws Exception {
        // given: a run started from the form with a token budget smaller than any call
        browser.find("start-max-tokens").sendKeys("1");

        // when
        long budgeted = startFromTheForm("browser-budget", 10, "");

        // then: it stops before its first call, and the page says why
        browser.await(textToBePresentInElementLocated(By.id("p-status"), "STOPPED"));
        browser.await(textToBePresentInElementLocated(By.id("p-exit"), "budget reached"));
        JsonNode stopped = status(budgeted);
        assertThat(stopped.at("/spend/max_tokens").asLong()).isEqualTo(1);
        assertThat(stopped.at("/samples/committed").asLong()).isZero();

        // when: a run with an export file of its own and a budget it keeps within
        WebElement budget = browser.find("start-max-tokens");
        budget.clear();
        budget.sendKeys("1000000");
        browser.find("start-max-cost").sendKeys("5");
        Path file = exports.resolve("from-the-form.jsonl");
        browser.find("start-output").sendKeys(file.toString());
        long exported = startFromTheForm("browser-output", 10, "");

        // then: it completes within the budget, and its samples are in that file
        browser.await(textToBePresentInElementLocated(By.id("p-status"), "COMPLETED"));
        JsonNode completed = status(exported);
        assertThat(completed.at("/spend/max_tokens").asLong()).isEqualTo(1_000_000);
        assertThat(completed.at("/spend/max_cost_usd").decimalValue()).isEqualByComparingTo("5");
        assertThat(Files.readAllLines(file)).hasSize(10);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void everyControlIsLabelledAndTheStartFormWorksFromTheKeyboardAlone() {
        // then: each input and select has a label, each button a name
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertThat(js.executeScript("return [...document.querySelectorAll('input, select')]"
                        + ".filter(c => c.labels.length === 0).map(c => c.id);"))
                .asList()
                .isEmpty();
        assertThat(js.executeScript("return [...document.querySelectorAll('button')]"
                        + ".filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).length;"))
                .isEqualTo(0L);

        // when: the form is filled with the keyboard only, from its first field, and sent with Enter
        js.executeScript("document.getElementById('start-dataset').focus();");
        Actions keys = new Actions(browser.driver());
        keys.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("browser-keyboard");
        keys.sendKeys(Keys.TAB)
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .sendKeys("10");
        keys.perform();
        assertThat(browser.find("start-target")
                        .equals(browser.driver().switchTo().activeElement()))
                .isTrue();
        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();

        // then: launched, with what was typed
        browser.await(textMatches(By.id("notice"), LAUNCHED));
        long executionId = executionOf(noticeText());
        browser.await(textToBePresentInElementLocated(By.id("execution-" + executionId), "10 / 10"));
        assertThat(status(executionId).get("dataset").asString()).isEqualTo("browser-keyboard");

        // and Tab goes from the last difficulty to the Start button
        js.executeScript("document.getElementById('difficulty-advanced').focus();");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("start-submit");
    }

    @Test
    void thePageFitsAPhonesWidthAndADesktopsWithoutScrollingSideways() {
        // given a run in the tables
        long executionId = startFromTheForm("browser-phone", 10, "");
        browser.await(textToBePresentInElementLocated(By.id("execution-" + executionId), "COMPLETED"));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();

        for (int width : new int[] {390, 1280}) {
            // when
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            browser.await(d -> ((Number) js.executeScript("return window.innerWidth;")).intValue() <= width);

            // then: the page is no wider than the window (wide tables scroll inside their own box)
            Number pageWidth = (Number) js.executeScript("return document.documentElement.scrollWidth;");
            Number windowWidth = (Number) js.executeScript("return window.innerWidth;");
            assertThat(pageWidth.intValue())
                    .as("at " + width + " px: "
                            + js.executeScript("return [...document.querySelectorAll('body *')]"
                                    + ".filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                                    + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '"
                                    + " + Math.round(e.getBoundingClientRect().right)).join(', ');"))
                    .isLessThanOrEqualTo(windowWidth.intValue());
            assertThat(browser.find("start-submit").isDisplayed()).isTrue();
            if (width == 390) {
                browser.screenshot("phone", browser.find("runs"));
            }
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Fills the start form (all areas and difficulties unless ticked before) and submits it; the new execution. */
    private long startFromTheForm(String dataset, int target, String chain) {
        WebElement name = browser.find("start-dataset");
        name.clear();
        name.sendKeys(dataset);
        WebElement count = browser.find("start-target");
        count.clear();
        count.sendKeys(String.valueOf(target));
        browser.find("start-chain").sendKeys(chain);
        browser.find("start-submit").click();
        browser.await(textMatches(By.id("notice"), LAUNCHED));
        long executionId = executionOf(noticeText());
        browser.await(textToBePresentInElementLocated(By.id("progress-id"), String.valueOf(executionId)));
        return executionId;
    }

    private static By button(long executionId, String label) {
        return By.cssSelector("button[aria-label='" + label + " execution " + executionId + "']");
    }

    private String noticeText() {
        return browser.find("notice").getText();
    }

    private static long executionOf(String notice) {
        Matcher matcher = LAUNCHED.matcher(notice);
        assertThat(matcher.find()).as(notice).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private JsonNode status(long executionId) {
        return rest.get("/api/generate/batch/status?execution_id=" + executionId);
    }
}
