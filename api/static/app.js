// The marketers' page: post the brief to /match, draw result cards, post feedback per card and re-rank with it.
"use strict";

const $ = (id) => document.getElementById(id);
let lastBrief = null;
// constraints read from the brief that the user removed (sent as filters.ignore_parsed)
let ignoredReadings = [];
// creators marked for the current brief: sent with /match, which moves the list toward the relevant ones and
// drops the others (reset by a new search)
let marks = { relevant: [], not_relevant: [] };
// when the service requires API keys, open the page once as /?key=YOUR_KEY: it is kept in this browser
const urlKey = new URLSearchParams(window.location.search).get("key");
if (urlKey) window.localStorage.setItem("creatormatchKey", urlKey);
const apiKey = window.localStorage.getItem("creatormatchKey");
const keyHeader = apiKey ? { "X-API-Key": apiKey } : {};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "style") node.style.cssText = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function list(value) {
  return value.split(",").map((v) => v.trim()).filter(Boolean);
}

function requestBody() {
  const filters = {};
  for (const name of ["platform", "tier"]) if ($(name).value) filters[name] = [$(name).value];
  for (const name of ["country", "language", "competitor", "niches"]) {
    const values = list($(name).value);
    if (values.length) filters[name] = values;
  }
  for (const name of ["min_followers", "max_followers"]) if ($(name).value !== "") filters[name] = parseInt($(name).value, 10);
  for (const name of ["min_trust", "max_price_per_post", "campaign_budget", "max_sensitive_share"]) {
    if ($(name).value !== "") filters[name] = parseFloat($(name).value);
  }
  if ($("brand").value.trim()) filters.brand = $("brand").value.trim();
  const unknown = {};
  for (const box of document.querySelectorAll(".unknown input[type=checkbox]")) {
    unknown[box.dataset.field] = box.checked ? "include" : "exclude";
  }
  filters.unknown = unknown;
  if (ignoredReadings.length) filters.ignore_parsed = [...ignoredReadings];
  const body = { brief: $("brief").value, preset: $("preset").value || null, filters };
  if ($("k").value !== "") body.k = parseInt($("k").value, 10);
  return body;
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST", headers: { "Content-Type": "application/json", ...keyHeader }, body: JSON.stringify(body),
  });
  const payload = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new Error(payload.error || `HTTP ${response.status}`);
  return payload;
}

function showError(message) {
  $("error").hidden = !message;
  $("error").textContent = message || "";
}

function componentBars(match) {
  const bars = el("div", { class: "bars" });
  for (const c of match.components) {
    if (c.weight <= 0) continue;
    const width = Math.round(Math.max(0, Math.min(1, c.normalized)) * 100);
    bars.append(
      el("span", {}, c.name),
      el("div", { class: "bar" + (c.missing ? " missing" : ""), title: `normalized ${c.normalized.toFixed(2)} x weight ${c.weight.toFixed(2)} = ${c.contribution.toFixed(3)}`, "data-component": c.name },
        el("span", { style: `width:${width}%` })),
      el("span", { class: "muted" }, c.missing ? "missing" : c.normalized.toFixed(2)),
    );
  }
  return bars;
}

function feedbackButtons(match, answer) {
  const box = el("div", { class: "feedback" });
  const send = async (relevance) => {
    try {
      const stored = await post("/feedback", {
        brief: lastBrief.brief, creator_id: match.creator_id, relevance, index_version: answer.index_version,
      });
      const id = match.creator_id;
      marks.relevant = marks.relevant.filter((c) => c !== id);
      marks.not_relevant = marks.not_relevant.filter((c) => c !== id);
      (relevance > 0 ? marks.relevant : marks.not_relevant).push(id);
      $("feedback-status").textContent = `saved (${stored.stored} for this brief); re-ranked with your marks`;
      await rerank();
    } catch (error) {
      showError(`feedback: ${error.message}`);
    }
  };
  const marked = marks.relevant.includes(match.creator_id);
  const yes = el("button", { type: "button", class: "relevant", "aria-pressed": String(marked) }, "Relevant");
  const no = el("button", { type: "button", class: "not-relevant", "aria-pressed": "false" }, "Not relevant");
  yes.addEventListener("click", () => send(1));
  no.addEventListener("click", () => send(0));
  box.append(yes, no);
  return box;
}

function card(match, rank, answer) {
  const node = el("article", { class: "card", "data-creator": match.creator_id },
    el("h2", {}, el("span", {}, `${rank}. @${match.handle}`), el("span", { class: "score" }, match.score.toFixed(3))),
    el("div", { class: "muted" }, `${match.platform} · ${match.followers.toLocaleString()} followers · ${match.tier}`
      + [match.country, match.language].filter(Boolean).map((known) => ` · ${known.value}`
        + (known.source === "inferred" ? ` (inferred, ${Math.round(known.confidence * 100)}%)` : "")).join("")),
    match.niche_tags && match.niche_tags.length
      ? el("div", { class: "muted tags" }, `niche tags (inferred): ${match.niche_tags.join(", ")}`) : "",
    match.sensitive && match.sensitive.length
      ? el("div", { class: "sensitive" }, "sensitive content: " + match.sensitive.map((topic) =>
        `${topic.name} in ${Math.round(topic.share * 100)}% of recent captions (${topic.examples.join("; ")})`).join(" · "))
      : "",
    componentBars(match));
  if (match.feedback) node.append(el("div", { class: "feedback-note" }, match.feedback));
  if (match.flags.length) node.append(el("ul", { class: "flags" }, ...match.flags.map((f) => el("li", {}, f))));
  if (match.evidence.length) {
    node.append(el("ul", { class: "evidence" }, ...match.evidence.map((e) =>
      el("li", {}, el("q", {}, e.text), el("span", { class: "muted" }, ` ${e.source}, cosine ${e.similarity.toFixed(2)}`)))));
  }
  node.append(feedbackButtons(match, answer));
  return node;
}

function showParsed(answer) {
  const read = answer.parsed_phrases.length ? "" : "Read from the brief: no constraints. ";
  $("parsed").textContent = `${read}Niche text: “${answer.query_text}”. `
    + `${answer.eligible_creators.toLocaleString()} creators pass the filters; preset ${answer.preset}; index ${answer.index_version}.`;
}

function shown(value) {
  return Array.isArray(value) ? value.join(", ") : String(value);
}

// the filter input an accepted suggestion goes to (its explicit value then wins over the brief)
const SUGGESTION_INPUT = { countries: "country", languages: "language", competitors: "competitor" };

// one chip per constraint read from the brief (× removes it), and per suggestion (Apply accepts it)
function showReadings(answer) {
  const chips = [];
  const ignored = answer.filters.ignore_parsed || [];
  for (const reading of answer.parsed_phrases) {
    // a reading may set fields other than its own name ("followers" sets min_followers and max_followers)
    const fields = reading.filters && reading.filters.length ? reading.filters : [reading.field];
    const removed = fields.every((f) => ignored.includes(f));
    const button = removed
      ? el("button", { type: "button", class: "chip-restore", title: "apply this reading again" }, "Restore")
      : el("button", { type: "button", class: "chip-remove", title: "remove this reading", "aria-label": `remove ${reading.field}` }, "×");
    button.addEventListener("click", () => {
      ignoredReadings = removed
        ? ignoredReadings.filter((f) => !fields.includes(f))
        : [...new Set([...ignoredReadings, ...fields])];
      search();
    });
    chips.push(el("span", { class: removed ? "chip removed" : "chip", "data-field": reading.field },
      `${reading.field}: ${shown(reading.value)} ← “${reading.text}” `, button));
  }
  for (const reading of answer.suggestions) {
    const applied = answer.filters[reading.field];
    const accepted = Array.isArray(reading.value)
      ? reading.value.every((value) => (applied || []).includes(value))
      : applied === reading.value;
    if (accepted) continue;
    const apply = el("button", { type: "button", class: "chip-apply" }, "Apply");
    apply.addEventListener("click", () => {
      const input = $(SUGGESTION_INPUT[reading.field] || reading.field);
      if (Array.isArray(reading.value)) {
        // an explicit value replaces the brief's: keep what the brief already applied for this field
        const values = new Set([...list(input.value), ...(answer.filters[reading.field] || []), ...reading.value]);
        input.value = [...values].join(",");
      } else {
        input.value = String(reading.value);  // one value: this reading's instead of the brief's first
      }
      search();
    });
    chips.push(el("span", { class: "chip suggestion", "data-field": reading.field, title: reading.note || "" },
      `suggested ${reading.field}: ${shown(reading.value)} ← “${reading.text}” (${reading.note}) `, apply));
  }
  $("readings").replaceChildren(...chips);
}

// a short or empty answer says which filter removed whom, and offers to let the unknown values in
function showShortfall(answer) {
  const box = $("shortfall");
  if (!answer.shortfall) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const items = answer.filter_effects.filter((e) => e.removes > 0).map((effect) => {
    const item = el("li", { "data-filter": effect.filter }, effect.message);
    if (effect.field && effect.unknown > 0 && effect.policy === "exclude") {
      const include = el("button", { type: "button", class: "include-unknown", "data-field": effect.field },
        `Include creators with unknown ${effect.field}`);
      include.addEventListener("click", () => {
        $(`unknown-${effect.field}`).checked = true;
        search();
      });
      item.append(" ", include);
    }
    return item;
  });
  box.replaceChildren(el("p", {}, answer.shortfall.split(". ")[0] + "."), el("ul", {}, ...items));
  box.hidden = false;
}

function show(answer) {
  showParsed(answer);
  showReadings(answer);
  showShortfall(answer);
  $("results").replaceChildren(...answer.results.map((m, i) => card(m, i + 1, answer)));
}

async function search() {
  showError("");
  const body = requestBody();
  $("search").disabled = true;
  try {
    const answer = await post("/match", { ...body, ...markedBody() });
    lastBrief = body;
    show(answer);
  } catch (error) {
    showError(error.message);
  } finally {
    $("search").disabled = false;
  }
}

function markedBody() {
  const body = {};
  if (marks.relevant.length) body.relevant = [...marks.relevant];
  if (marks.not_relevant.length) body.not_relevant = [...marks.not_relevant];
  return body;
}

async function rerank() {
  // the same brief and options as the list on screen, with the marks so far
  show(await post("/match", { ...lastBrief, ...markedBody() }));
}

$("brief-form").addEventListener("submit", (event) => {
  event.preventDefault();
  ignoredReadings = [];  // a new search reads the brief afresh
  marks = { relevant: [], not_relevant: [] };
  $("feedback-status").textContent = "";
  search();
});

fetch("/index", { headers: keyHeader }).then((r) => r.json()).then((info) => {
  $("index-version").textContent = info.version ? `index ${info.version}` : "index: not ready";
}).catch(() => { $("index-version").textContent = "index: unavailable"; });
