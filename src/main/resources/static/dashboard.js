// The operator dashboard: a static page over the REST API (README, Dashboard). Every figure comes from an API
// answer, rendered as text (never as HTML). The API token lives in this tab's sessionStorage only and is sent as
// a bearer header on POSTs; it is never written into the page.
"use strict";

const TOKEN_KEY = "legalgen.api.token";
const STATUS_POLL_MS = 1000; // the status of the watched execution: at most once a second
const LIST_POLL_MS = 2000;
const PAGE_SIZE = 10;

const state = {
  watched: null, // the execution the Progress, Providers and Dataset views show
  followLatest: true, // until the operator picks one, the newest execution is watched
  statusTimer: null,
  page: 0,
  total: 0,
  lastStatus: null,
  polls: 0,
  rowIds: null,
  pollGeneration: 0,
};

const $ = (id) => document.getElementById(id);

function element(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attrs || {}).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function notice(text, kind) {
  const box = $("notice");
  box.textContent = text || "";
  box.className = kind || "";
}

// ---- token ------------------------------------------------------------------------------------------------

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function showTokenState() {
  $("token-state").textContent = token() ? "token set (kept in this tab only)" : "no token (kept in this tab only)";
}

function setUpToken() {
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("token").value.trim();
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    $("token").value = ""; // never left in the page
    showTokenState();
    notice(value ? "token set for this tab" : "");
  });
  $("token-forget").addEventListener("click", () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $("token").value = "";
    showTokenState();
    notice("token forgotten");
  });
  showTokenState();
}

// ---- HTTP -------------------------------------------------------------------------------------------------

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw problem(response, body);
  return { body, headers: response.headers };
}

async function post(path, body) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token()) headers.Authorization = "Bearer " + token();
  const response = await fetch(path, { method: "POST", headers, body: JSON.stringify(body || {}) });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw problem(response, answer);
  return answer;
}

/** An error to show: on 401/403 what to do about the token, else the problem detail's words. */
function problem(response, body) {
  const error = new Error(
    response.status === 401 || response.status === 403
      ? "refused (" + response.status + "): this server needs its API token: enter it above"
      : (body && body.detail) || "HTTP " + response.status + " " + response.statusText
  );
  error.status = response.status;
  return error;
}

function failed(error) {
  notice(error.message, "error");
}

// ---- formatting -------------------------------------------------------------------------------------------

function time(value) {
  return value ? value.replace("T", " ").substring(0, 19) : "–";
}

function duration(seconds) {
  if (!isFinite(seconds) || seconds < 0) return "–";
  const s = Math.round(seconds);
  if (s < 60) return s + " s";
  if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
  return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
}

function sum(map) {
  return Object.values(map || {}).reduce((total, n) => total + n, 0);
}

function byKey(map) {
  const entries = Object.entries(map || {});
  return entries.length ? entries.map(([k, v]) => k + " " + v).join(", ") : "none";
}

// ---- catalog: the form's and the filters' choices ---------------------------------------------------------

async function loadCatalog() {
  const { body } = await getJson("/api/catalog");
  const areas = $("start-areas");
  body.practice_areas.forEach((area, i) => {
    const id = "area-" + i;
    const label = element("label", null, { for: id });
    const box = element("input", null, { type: "checkbox", id, value: area.name, name: "practice_areas" });
    label.append(box, " " + area.name);
    areas.append(label);
    $("f-area").append(element("option", area.name, { value: area.name }));
  });
  body.difficulties.forEach((difficulty) => {
    const id = "difficulty-" + difficulty;
    const label = element("label", null, { for: id });
    label.append(element("input", null, { type: "checkbox", id, value: difficulty, name: "difficulties" }), " " + difficulty);
    $("start-difficulties").append(label);
    $("f-difficulty").append(element("option", difficulty, { value: difficulty }));
  });
  body.citation_checks.forEach((check) => $("f-citation").append(element("option", check, { value: check })));
  $("start-chain").placeholder = body.default_chain;
  Object.keys(body.providers).forEach((name) => $("chain-options").append(element("option", null, { value: name })));
  const table = $("provider-table").tBodies[0];
  table.replaceChildren();
  Object.entries(body.providers).forEach(([name, usability]) => {
    const row = table.insertRow();
    row.append(element("td", name), element("td", usability));
  });
}

// ---- runs -------------------------------------------------------------------------------------------------

function setUpStartForm() {
  $("start-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const ticked = (name) => [...form.querySelectorAll("input[name=" + name + "]:checked")].map((box) => box.value);
    const body = {
      dataset: $("start-dataset").value.trim(),
      target_count: Number($("start-target").value),
      mode: $("start-mode").value,
    };
    if ($("start-chain").value.trim()) body.provider = $("start-chain").value.trim();
    if ($("start-run-id").value.trim()) body.run_id = $("start-run-id").value.trim();
    if ($("start-max-tokens").value) body.max_tokens = Number($("start-max-tokens").value);
    if ($("start-max-cost").value) body.max_cost_usd = Number($("start-max-cost").value);
    if ($("start-output").value.trim()) body.output = $("start-output").value.trim();
    if (ticked("practice_areas").length) body.practice_areas = ticked("practice_areas");
    if (ticked("difficulties").length) body.difficulties = ticked("difficulties");
    try {
      const answer = await post("/api/generate/batch/start", body);
      notice(answer.message);
      watch(answer.execution_id, true);
      refreshExecutions();
    } catch (error) {
      failed(error);
    }
  });
}

async function operate(action, executionId) {
  if (action === "abandon" && !window.confirm("Abandon execution " + executionId + "? It will never restart.")) return;
  try {
    const answer = await post("/api/generate/batch/" + action, { execution_id: executionId });
    notice(answer.message);
    if (action === "restart") watch(answer.execution_id, true);
    else pollStatus();
    refreshExecutions();
  } catch (error) {
    failed(error);
  }
}

/** The buttons a row offers, by what the start's restart rules allow it. */
function actionsOf(execution, latestOfInstance) {
  const actions = ["watch"];
  const restartable = !execution.running && (execution.status === "FAILED" || execution.status === "STOPPED");
  if (execution.running) actions.push("stop");
  if (restartable && latestOfInstance) actions.push("restart");
  if (restartable) actions.push("abandon");
  return actions;
}

const ACTION_LABELS = { watch: "Watch", stop: "Stop", restart: "Restart", abandon: "Abandon" };

function actionCell(execution, actions) {
  const cell = element("td");
  cell.dataset.actions = actions.join(",");
  actions.forEach((action) => {
    const label = ACTION_LABELS[action];
    const button = element(
      "button",
      label,
      { type: "button", "data-action": action, "aria-label": label + " execution " + execution.execution_id }
    );
    button.addEventListener("click", () =>
      action === "watch" ? watch(execution.execution_id, false) : operate(action, execution.execution_id)
    );
    cell.append(button);
  });
  return cell;
}

function cellsOf(execution) {
  return [
    [execution.execution_id],
    [execution.instance_id],
    [execution.dataset],
    [execution.status, "status status-" + execution.status.toLowerCase()],
    [execution.samples.committed + " / " + execution.samples.target],
    [execution.samples_per_second.toFixed(1) + " /s"],
    [time(execution.start_time)],
    [time(execution.end_time)],
  ];
}

/**
 * The executions table, polled. Rows are updated in place, and a row's buttons replaced only when what it offers
 * changes, so that a keyboard user's focus is not lost to the poll.
 */
async function refreshExecutions() {
  let list;
  try {
    list = (await getJson("/api/generate/batch/executions?limit=20")).body;
  } catch (error) {
    failed(error);
    return;
  }
  const body = $("executions").tBodies[0];
  const seen = new Set();
  const ids = list.map((execution) => execution.execution_id).join(",");
  const rebuild = ids !== state.rowIds;
  if (rebuild) body.replaceChildren();
  state.rowIds = ids;
  list.forEach((execution) => {
    const actions = actionsOf(execution, !seen.has(execution.instance_id));
    seen.add(execution.instance_id);
    const cells = cellsOf(execution);
    if (rebuild) {
      const row = body.insertRow();
      row.id = "execution-" + execution.execution_id;
      if (execution.execution_id === state.watched) row.className = "watched";
      cells.forEach(([text, css]) => row.append(element("td", text, css ? { class: css } : {})));
      row.append(actionCell(execution, actions));
      return;
    }
    const row = $("execution-" + execution.execution_id);
    cells.forEach(([text, css], i) => {
      const cell = row.cells[i];
      if (cell.textContent !== String(text)) cell.textContent = text;
      if (css) cell.className = css;
    });
    const last = row.cells[cells.length];
    if (last.dataset.actions !== actions.join(",")) row.replaceChild(actionCell(execution, actions), last);
  });
  if (state.followLatest && list.length && list[0].execution_id !== state.watched) watch(list[0].execution_id, true);
}

// ---- progress ---------------------------------------------------------------------------------------------

/** Shows one execution in the views below the runs; {@code auto}: not the operator's pick, so newer ones replace it. */
function watch(executionId, auto) {
  if (!auto) state.followLatest = false;
  state.watched = executionId;
  state.polls = 0;
  state.page = 0;
  document.querySelectorAll("#executions tr.watched").forEach((row) => row.classList.remove("watched"));
  const row = $("execution-" + executionId);
  if (row) row.classList.add("watched");
  ["progress-id", "routes-id", "dataset-id"].forEach((id) => ($(id).textContent = executionId));
  pollStatus();
  refreshDataset();
}

/** One chain of polls at a time: a poll asked for while one is out replaces it, so the pace stays once a second. */
async function pollStatus() {
  clearTimeout(state.statusTimer);
  if (state.watched === null) return;
  const watched = state.watched;
  const generation = ++state.pollGeneration;
  let status;
  try {
    status = (await getJson("/api/generate/batch/status?execution_id=" + watched)).body;
  } catch (error) {
    failed(error);
    if (generation === state.pollGeneration) state.statusTimer = setTimeout(pollStatus, STATUS_POLL_MS * 5);
    return;
  }
  if (generation !== state.pollGeneration) return;
  const wasRunning = state.lastStatus && state.lastStatus.execution_id === watched && state.lastStatus.running;
  state.lastStatus = status;
  showProgress(status);
  refreshProviders(watched);
  if (status.running) {
    state.polls += 1;
    if (state.polls % 5 === 0) refreshDataset(); // coverage and samples every few seconds while it runs
    state.statusTimer = setTimeout(pollStatus, STATUS_POLL_MS);
  } else if (wasRunning) {
    refreshExecutions(); // it just ended: its row, its samples, its coverage
    refreshDataset();
  }
}

function showProgress(s) {
  const committed = s.samples.committed;
  const target = s.samples.target;
  const rate = s.samples_per_second;
  $("progress-bar").value = s.progress_percent;
  $("p-status").textContent = s.status + (s.running ? " (running)" : "");
  $("p-samples").textContent = committed + " / " + target + " (" + s.progress_percent + " %)";
  $("p-rate").textContent = rate.toFixed(1) + " samples/s";
  $("p-eta").textContent = !s.running ? "–" : rate > 0 ? duration((target - committed) / rate) : "unknown yet";
  const chain = s.provider || {};
  $("p-route").textContent = chain.current_provider
    ? chain.current_provider + ":" + chain.current_model + (chain.live ? " (live)" : "")
    : "–";
  $("p-skips").textContent = s.counts.skipped;
  $("p-reasks").textContent = sum(s.quality && s.quality.reasks);
  $("p-switches").textContent =
    (chain.provider_switches || 0) + " provider, " + (chain.model_switches || 0) + " model";
  const spent = (s.spend && s.spend.spent) || {};
  $("p-tokens").textContent = (spent.total || 0) + " (prompt " + (spent.prompt || 0) + ", completion " +
    (spent.completion || 0) + ", reasoning " + (spent.reasoning || 0) + ")";
  $("p-cost").textContent = spent.cost_usd === undefined || spent.cost_usd === null ? "unpriced" : "$" + spent.cost_usd;
  $("p-batches").textContent = batchFiles(s.batches);
  $("p-exit").textContent = s.running ? "–" : s.exit_description || s.exit_code;
  showQuality(s.quality);
}

/** A batch-mode run's files at the provider: how many, by status, and their lines completed. */
function batchFiles(batches) {
  if (!batches) return "– (sync mode)";
  const files = batches.files;
  if (!files.length) return "none submitted yet";
  const byStatus = {};
  files.forEach((file) => (byStatus[file.status] = (byStatus[file.status] || 0) + 1));
  const lines = files.reduce((n, file) => n + file.lines, 0);
  const completed = files.reduce((n, file) => n + file.completed, 0);
  return files.length + (files.length === 1 ? " file" : " files") + " (" + byKey(byStatus) + ")" +
    ", " + completed + " of " + lines + " lines completed";
}

function showQuality(quality) {
  const list = $("quality");
  list.replaceChildren();
  if (!quality) return;
  const facts = [
    ["Re-asks", byKey(quality.reasks)],
    ["Given up", byKey(quality.given_up)],
    ["Exact duplicates refused", quality.duplicates_refused.exact],
    ["Near duplicates refused", quality.duplicates_refused.near],
    ["Citation checks", byKey(quality.citation_checks)],
  ];
  facts.forEach(([term, value]) => list.append(element("dt", term), element("dd", value)));
}

// ---- providers --------------------------------------------------------------------------------------------

async function refreshProviders(executionId) {
  let body;
  try {
    body = (await getJson("/api/providers?execution_id=" + executionId)).body;
  } catch (error) {
    return; // the status poll reports what is wrong
  }
  const routes = $("routes").tBodies[0];
  routes.replaceChildren();
  $("recent-minutes").textContent = Math.round(body.recent_seconds / 60);
  body.routes.forEach((route) => {
    const row = routes.insertRow();
    row.append(
      element("td", route.route),
      element("td", breaker(route), { class: "breaker breaker-" + (route.breaker || "none").toLowerCase() }),
      element("td", body.live ? headroom(route.rate_limit) : "– (known in the process that runs it)"),
      element("td", byKey(route.recent_failures)),
      element("td", byKey(route.failures))
    );
  });
  const timeline = $("switches");
  timeline.replaceChildren();
  if (!body.events.length) timeline.append(element("li", "no switches or breaker transitions"));
  // the items of a chunk switch together: one line for a run of the same switch, with how many there were
  const lines = [];
  body.events.forEach((event) => {
    // a breaker transition's category is the state its reason already names
    const category = event.kind === "breaker_transition" ? null : event.category;
    const text = event.kind + "  " + (event.route || "") + (category ? "  [" + category + "]" : "") +
      (event.reason ? ": " + event.reason : "");
    const last = lines[lines.length - 1];
    if (last && last.text === text) last.count += 1;
    else lines.push({ time: event.time, text, count: 1 });
  });
  lines.forEach((line) =>
    timeline.append(element("li", time(line.time) + "  " + line.text + (line.count > 1 ? "  (×" + line.count + ")" : "")))
  );
}

/** The breaker now, in this server; else as the run's processes last recorded it. */
function breaker(route) {
  if (!route.breaker) return "–";
  return route.breaker + (route.breaker_reported_at ? " (recorded " + time(route.breaker_reported_at) + ")" : "");
}

/** What the provider's latest response said was left in each of its windows, and a 429's block. */
function headroom(limit) {
  if (!limit) return "–";
  const windows = [
    ["requests/min", limit.requests_per_minute],
    ["requests/day", limit.requests_per_day],
    ["tokens/min", limit.tokens_per_minute],
    ["tokens/day", limit.tokens_per_day],
  ].filter(([, window]) => window && window.remaining !== undefined);
  const parts = windows.map(([name, w]) =>
    name + " " + w.remaining + " left" + (w.limit !== undefined ? " of " + w.limit : "") +
      (w.reset_seconds !== undefined ? " (resets in " + duration(w.reset_seconds) + ")" : "")
  );
  if (limit.blocked_until) parts.push("blocked until " + time(limit.blocked_until));
  return parts.length ? parts.join("; ") : "no rate-limit headers yet";
}

// ---- dataset ----------------------------------------------------------------------------------------------

async function refreshDataset() {
  if (state.watched === null) return;
  const watched = state.watched;
  try {
    const cells = (await getJson("/api/generate/batch/coverage?execution_id=" + watched)).body;
    if (watched === state.watched) showCoverage(cells);
  } catch (error) {
    $("coverage").tBodies[0].replaceChildren();
  }
  loadSamples();
}

function showCoverage(cells) {
  const difficulties = [...new Set(cells.map((c) => c.difficulty))];
  const areas = [...new Set(cells.map((c) => c.practice_area))];
  const head = $("coverage").tHead;
  head.replaceChildren();
  const headRow = head.insertRow();
  headRow.append(element("th", "Practice area", { scope: "col" }));
  difficulties.forEach((d) => headRow.append(element("th", d, { scope: "col" })));
  const body = $("coverage").tBodies[0];
  body.replaceChildren();
  areas.forEach((area) => {
    const row = body.insertRow();
    row.append(element("th", area, { scope: "row" }));
    difficulties.forEach((difficulty) => {
      const mine = cells.filter((c) => c.practice_area === area && c.difficulty === difficulty);
      const planned = mine.reduce((n, c) => n + c.planned, 0);
      const committed = mine.reduce((n, c) => n + c.committed, 0);
      const missing = {};
      mine.forEach((c) => Object.entries(c.missing).forEach(([why, n]) => (missing[why] = (missing[why] || 0) + n)));
      const cell = element("td", planned ? committed + " / " + planned : "–", {
        class: planned && committed >= planned ? "complete" : planned ? "incomplete" : "",
      });
      if (Object.keys(missing).length) cell.append(element("div", "missing: " + byKey(missing), { class: "muted" }));
      row.append(cell);
    });
  });
}

function setUpSamples() {
  $("sample-filter").addEventListener("submit", (event) => {
    event.preventDefault();
    state.page = 0;
    loadSamples();
  });
  $("page-prev").addEventListener("click", () => {
    state.page = Math.max(0, state.page - 1);
    loadSamples();
  });
  $("page-next").addEventListener("click", () => {
    state.page += 1;
    loadSamples();
  });
  $("sample-close").addEventListener("click", () => ($("sample-detail").hidden = true));
}

async function loadSamples() {
  const query = new URLSearchParams({ limit: PAGE_SIZE, offset: state.page * PAGE_SIZE });
  if ($("f-this-run").checked && state.watched !== null) query.set("execution_id", state.watched);
  ["f-area", "f-topic", "f-difficulty", "f-provider", "f-model", "f-citation"].forEach((id) => {
    const field = $(id);
    if (field.value.trim()) query.set(field.name, field.value.trim());
  });
  let page;
  try {
    page = await getJson("/api/samples?" + query);
  } catch (error) {
    failed(error);
    return;
  }
  state.total = Number(page.headers.get("X-Total-Count") || 0);
  const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
  $("page-info").textContent = "page " + (state.page + 1) + " of " + pages + " (" + state.total + (state.total === 1 ? " sample)" : " samples)");
  $("page-prev").disabled = state.page === 0;
  $("page-next").disabled = state.page + 1 >= pages;
  const body = $("samples").tBodies[0];
  body.replaceChildren();
  page.body.forEach((sample) => {
    const row = body.insertRow();
    const open = element("button", sample.id, { type: "button", class: "link", "aria-label": "Open sample " + sample.id });
    open.addEventListener("click", () => showSample(sample));
    const first = element("td");
    first.append(open);
    row.append(
      first,
      element("td", sample.practice_area),
      element("td", sample.topic),
      element("td", sample.difficulty),
      element("td", sample.provider + ":" + sample.model),
      element("td", sample.citation_check || "unchecked")
    );
  });
}

function showSample(sample) {
  $("sample-title").textContent = "Sample " + sample.id;
  const meta = $("sample-meta");
  meta.replaceChildren();
  [
    ["Practice area", sample.practice_area],
    ["Topic", sample.topic],
    ["Difficulty", sample.difficulty],
    ["Route", sample.provider + ":" + sample.model],
    ["Citation check", sample.citation_check || "unchecked"],
    ["Tokens", sample.tokens_used],
    ["Created", time(sample.created_at)],
  ].forEach(([term, value]) => meta.append(element("dt", term), element("dd", value)));
  $("sample-question").textContent = sample.question;
  $("sample-answer").textContent = sample.answer;
  $("sample-reasoning").textContent = sample.reasoning;
  $("sample-citation").textContent = sample.case_citation;
  $("sample-detail").hidden = false;
  $("sample-close").focus();
}

// ---- start ------------------------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  setUpToken();
  setUpStartForm();
  setUpSamples();
  loadCatalog().catch(failed);
  refreshExecutions();
  setInterval(refreshExecutions, LIST_POLL_MS);
});
