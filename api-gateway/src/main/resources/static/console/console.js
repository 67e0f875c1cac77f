// The operator console: plain JS over the gateway's public API, signed in with an API key.
"use strict";
const STAGES = ["STARTED", "PROBING", "VALIDATING", "IDENTIFYING", "HELD_FOR_REVIEW", "READING_METADATA",
  "ENCODING", "VERIFYING", "PUBLISHING", "PUBLISHED", "REPROCESSING", "COMPENSATING", "FAILED", "CANCELLED"];
const JOURNEY = ["STARTED", "PROBING", "VALIDATING", "IDENTIFYING", "READING_METADATA", "ENCODING", "VERIFYING",
  "PUBLISHING", "PUBLISHED"];
const $ = id => document.getElementById(id);
let pollTimer = null, waveform = null, searchToken = null;

function key() { return sessionStorage.getItem("audiostems.apiKey"); }

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

// A call to the API with the key; problem details become an Error with their detail sentence.
async function api(method, path, body) {
  const headers = { "X-Api-Key": key() };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((json && (json.detail || json.title)) || response.status + " " + response.statusText);
    error.status = response.status;
    throw error;
  }
  return json;
}

function cell(row, text) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "–" : text;
  row.appendChild(td);
  return td;
}

function fill(tbody, items, columns) {
  tbody.replaceChildren();
  items.forEach(item => {
    const tr = document.createElement("tr");
    columns.forEach(c => cell(tr, typeof c === "function" ? c(item) : item[c]));
    tbody.appendChild(tr);
  });
}

// --- pages -------------------------------------------------------------------------------------

function route() {
  clearInterval(pollTimer);
  showError("");
  if (!key()) return show("signin");
  const [page, arg] = location.hash.slice(1).split("/");
  switch (page) {
    case "track": show("track"); return followTrack(decodeURIComponent(arg));
    case "search": show("search"); return search(null);
    case "licences":
      show("licences");
      if (arg) $("grant-track").value = $("licence-filter-track").value = decodeURIComponent(arg);
      return listLicences();
    case "analytics": show("analytics"); return analytics();
    default: show("upload");
  }
}

function show(name) {
  document.querySelectorAll(".page").forEach(p => { p.hidden = p.id !== "page-" + name; });
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("current", a.id === "nav-" + name));
  $("nav").hidden = name === "signin";
  document.body.dataset.page = name;
}

// --- sign in -----------------------------------------------------------------------------------

$("signin-form").addEventListener("submit", async e => {
  e.preventDefault();
  sessionStorage.setItem("audiostems.apiKey", $("api-key").value.trim());
  try {
    const session = await api("GET", "/v1/session");
    sessionStorage.setItem("audiostems.who", session.name + " (" + session.role.toLowerCase() + ")");
    $("api-key").value = "";
    signedIn();
    location.hash = "#upload";
    route();
  } catch (err) {
    sessionStorage.removeItem("audiostems.apiKey");
    showError(err.status === 401 ? "That key is not known to this gateway." : err.message);
  }
});

$("sign-out").addEventListener("click", () => {
  sessionStorage.clear();
  location.hash = "";
  route();
});

function signedIn() { $("who").textContent = sessionStorage.getItem("audiostems.who") || ""; }

// --- upload: a signed location, the bytes by XHR (for its progress events), then the track ------

$("upload-form").addEventListener("submit", async e => {
  e.preventDefault();
  showError("");
  const file = $("upload-file").files[0];
  const formats = [...document.querySelectorAll("input[name=format]:checked")].map(i => i.value);
  try {
    $("upload-start").disabled = true;
    $("upload-state").textContent = "Asking for an upload location…";
    const location_ = await api("POST", "/v1/uploads", { fileName: file.name, sizeBytes: file.size });
    if (!location_.url) throw new Error("This file is large enough for a multipart upload, which the console does not send; use the API or the CLI.");
    $("upload-state").textContent = "Uploading " + file.name + "…";
    await put(location_, file);
    $("upload-state").textContent = "Uploaded; starting the track…";
    const body = { uploadId: location_.uploadId, formats };
    if ($("upload-title").value) body.title = $("upload-title").value;
    if ($("upload-artist").value) body.artist = $("upload-artist").value;
    const accepted = await api("POST", "/v1/tracks", body);
    location.hash = "#track/" + encodeURIComponent(accepted.trackId);
  } catch (err) {
    showError(err.message);
    $("upload-state").textContent = "";
  } finally {
    $("upload-start").disabled = false;
  }
});

function put(target, file) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method || "PUT", target.url);
    Object.entries(target.headers || {}).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.onprogress = e => {
      if (!e.lengthComputable) return;
      const percent = Math.round((100 * e.loaded) / e.total);
      $("upload-progress").value = percent;
      $("upload-percent").textContent = percent + " %";
    };
    xhr.onload = () => xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error("The upload failed: " + xhr.status + " " + xhr.responseText));
    xhr.onerror = () => reject(new Error("The upload failed: the connection was lost."));
    xhr.send(file);
  });
}

// --- a track: its stages live, then its preview, waveform and quality --------------------------

async function followTrack(trackId) {
  $("track-id").textContent = trackId;
  $("track-published").hidden = true;
  $("track-licence").href = "#licences/" + encodeURIComponent(trackId);
  let shown = false;
  const poll = async () => {
    try {
      const s = await api("GET", "/v1/tracks/" + encodeURIComponent(trackId));
      $("track-status").textContent = s.status.toLowerCase();
      $("track-stage").textContent = s.stage;
      $("track-version").textContent = s.version ?? "(busy: stage from the search index)";
      $("track-failure").textContent = s.failure || "";
      drawStages(s.stage);
      fill($("track-outputs").tBodies[0], s.outputs || [], [o => o.format, o => o.state,
        o => Math.round(o.fraction * 100) + " %"]);
      if ((s.version || 0) > 0 && s.status === "running" && !shown) { shown = true; await published(trackId); }
      if (s.status !== "running" || (s.stage === "PUBLISHED" && s.answeredFrom !== "SEARCH_INDEX")) clearInterval(pollTimer);
    } catch (err) { showError(err.message); clearInterval(pollTimer); }
  };
  clearInterval(pollTimer);
  pollTimer = setInterval(poll, 1000);
  await poll();
}

function drawStages(current) {
  const list = $("track-stages");
  list.replaceChildren();
  const at = JOURNEY.indexOf(current);
  const stages = at >= 0 ? JOURNEY : JOURNEY.concat([current]);
  stages.forEach((stage, i) => {
    const li = document.createElement("li");
    li.textContent = stage.replaceAll("_", " ").toLowerCase();
    li.className = stage === current ? "now" : at >= 0 && i < at ? "done" : "";
    list.appendChild(li);
  });
}

async function published(trackId) {
  $("track-published").hidden = false;
  const files = await api("GET", "/v1/tracks/" + encodeURIComponent(trackId) + "/files");
  const list = $("track-files");
  list.replaceChildren();
  files.files.forEach(f => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = f.url; a.textContent = f.fileName;
    li.append(a, " " + f.codec + ", " + f.bytes + " bytes");
    list.appendChild(li);
  });
  const preview = files.files.find(f => f.format === "PREVIEW_MP3_128") || files.files.find(f => f.codec === "mp3");
  const audio = $("preview");
  if (preview) audio.src = preview.url;
  try {
    const q = await api("GET", "/v1/tracks/" + encodeURIComponent(trackId) + "/quality");
    $("quality-score").textContent = q.score;
    $("quality-tier").textContent = q.effectiveTier || "none";
    $("quality-page").href = q.pageUrl;
    fill($("quality-tiers").tBodies[0], q.tiers, [t => t.tier, t => t.passed ? "pass" : "fail", t => t.reasons.join("; ")]);
    fill($("quality-findings").tBodies[0], q.findings, ["code", "severity", f => Number(f.measured.toPrecision(4)) + " " + f.unit,
      f => f.startSeconds + "–" + f.endSeconds + " s", "message"]);
    await loadPeaks(q.peaksUrl);
  } catch (err) { showError(err.message); }
}

async function loadPeaks(url) {
  const response = await fetch(url);
  if (!response.ok) { $("waveform-info").textContent = "No waveform peaks for this version (analysed before they were stored)."; return; }
  waveform = Waveform.parse(await response.arrayBuffer());
  $("waveform-info").textContent = "audiowaveform .dat v" + waveform.version + ", " + waveform.bits + "-bit, " +
    waveform.samplesPerPixel + " samples a pixel at " + waveform.sampleRate + " Hz, " + waveform.length + " pixels";
  const canvas = $("waveform");
  canvas.dataset.pixels = waveform.length;
  Waveform.draw(canvas, waveform, 0);
}

$("preview").addEventListener("timeupdate", () => {
  const audio = $("preview");
  if (waveform && audio.duration) Waveform.draw($("waveform"), waveform, audio.currentTime / audio.duration);
});
$("waveform").addEventListener("click", e => {
  const audio = $("preview"), rect = e.target.getBoundingClientRect();
  if (audio.duration) audio.currentTime = ((e.clientX - rect.left) / rect.width) * audio.duration;
});

// --- search ------------------------------------------------------------------------------------

STAGES.forEach(s => { const o = document.createElement("option"); o.textContent = s; $("search-stage").appendChild(o); });
$("search-form").addEventListener("submit", e => { e.preventDefault(); search(null); });
$("search-more").addEventListener("click", () => search(searchToken, true));

let searchSeq = 0;

async function search(token, append) {
  const seq = ++searchSeq; // only the latest search draws: an earlier answer may come after it
  const params = new URLSearchParams({ pageSize: "50" });
  const put_ = (name, value) => { if (value) params.set(name, value); };
  put_("stage", $("search-stage").value); put_("tier", $("search-tier").value); put_("key", $("search-key").value);
  put_("bpmMin", $("search-bpm-min").value); put_("bpmMax", $("search-bpm-max").value); put_("pageToken", token);
  try {
    const page = await api("GET", "/v1/search/tracks?" + params);
    if (seq !== searchSeq) return;
    const tbody = $("search-results").tBodies[0];
    if (!append) tbody.replaceChildren();
    page.tracks.forEach(t => {
      const tr = document.createElement("tr");
      const a = document.createElement("a");
      a.href = "#track/" + encodeURIComponent(t.trackId); a.textContent = t.trackId;
      cell(tr, "").appendChild(a);
      [t.fileName, t.status, t.stage, t.tier, t.qualityScore, t.key, t.bpm === null ? null : t.bpm.toFixed(1),
        t.startedAt && new Date(t.startedAt).toLocaleString()].forEach(v => cell(tr, v));
      tbody.appendChild(tr);
    });
    searchToken = page.nextPageToken;
    $("search-more").hidden = !searchToken;
    $("search-summary").textContent = page.tracks.length + " of " + page.scanned + " tracks looked at match" +
      (searchToken ? "; more on the next page." : ".");
  } catch (err) { showError(err.message); }
}

// --- licences ----------------------------------------------------------------------------------

$("grant-form").addEventListener("submit", async e => {
  e.preventDefault();
  showError("");
  const split = v => v.split(",").map(s => s.trim()).filter(Boolean);
  try {
    const granted = await api("POST", "/v1/licences", {
      trackId: $("grant-track").value.trim(), licensee: $("grant-licensee").value.trim(),
      formats: split($("grant-formats").value), territories: split($("grant-territories").value),
      duration: $("grant-duration").value.trim(), feeMinorUnits: Number($("grant-fee").value),
      currency: $("grant-currency").value.trim(), usageType: $("grant-usage").value.trim() });
    $("grant-result").textContent = "Licence " + granted.licenceId + " " + granted.status.toLowerCase() +
      " until " + granted.endsAt + ". Token for the licensee (shown once): " + granted.token;
    $("grant-result").dataset.licenceId = granted.licenceId;
    $("grant-result").dataset.status = granted.status;
    $("licence-filter-track").value = $("grant-track").value.trim();
    $("licence-filter-licensee").value = "";
    // The list is the ledger's projection of the licences' workflows: a new one shows within moments.
    for (let i = 0; i < 20 && !(await listLicences()).some(l => l.licenceId === granted.licenceId); i++) {
      await new Promise(r => setTimeout(r, 500));
    }
  } catch (err) { showError(err.message); }
});
$("licence-filter").addEventListener("submit", e => { e.preventDefault(); listLicences(); });

async function listLicences() {
  showError("");
  const params = new URLSearchParams();
  if (!$("licence-filter-track").value && !$("licence-filter-licensee").value) {
    $("licence-table").tBodies[0].replaceChildren();
    return [];
  }
  if ($("licence-filter-track").value) params.set("trackId", $("licence-filter-track").value.trim());
  if ($("licence-filter-licensee").value) params.set("licensee", $("licence-filter-licensee").value.trim());
  try {
    const list = await api("GET", "/v1/licences?" + params);
    const tbody = $("licence-table").tBodies[0];
    tbody.replaceChildren();
    (list.licences || []).forEach(l => {
      const tr = document.createElement("tr");
      tr.dataset.licenceId = l.licenceId;
      [l.licenceId, l.trackId, l.licensee, l.status, l.endsAt, l.feeMinorUnits + " " + l.currency]
        .forEach(v => cell(tr, v));
      const actions = cell(tr, "");
      if (l.status === "ACTIVE" || l.status === "PENDING") {
        actions.append(button("Extend 30 days", () => extend(l)), " ", button("Revoke", () => revoke(l)));
      }
      tbody.appendChild(tr);
    });
    return list.licences || [];
  } catch (err) { showError(err.message); return []; }
}

function button(text, onClick) {
  const b = document.createElement("button");
  b.type = "button"; b.className = "secondary"; b.textContent = text; b.addEventListener("click", onClick);
  return b;
}

async function extend(licence) {
  const endsAt = new Date(new Date(licence.endsAt).getTime() + 30 * 86400000).toISOString();
  try { await api("POST", "/v1/licences/" + licence.licenceId + "/extend", { endsAt }); await relist(licence); }
  catch (err) { showError(err.message); }
}

async function revoke(licence) {
  const reason = prompt("Why is licence " + licence.licenceId + " revoked? The licensee reads this.");
  if (!reason) return;
  try { await api("POST", "/v1/licences/" + licence.licenceId + "/revoke", { reason }); await relist(licence); }
  catch (err) { showError(err.message); }
}

// Lists again until the ledger's projection shows the change (within moments), 10 s at most.
async function relist(before) {
  for (let i = 0; i < 20; i++) {
    const now = (await listLicences()).find(l => l.licenceId === before.licenceId);
    if (!now || now.status !== before.status || now.endsAt !== before.endsAt) return;
    await new Promise(r => setTimeout(r, 500));
  }
}

// --- analytics ---------------------------------------------------------------------------------

$("analytics-form").addEventListener("submit", e => { e.preventDefault(); analytics(); });

async function analytics() {
  if (!$("analytics-to").value) {
    const to = new Date(), from = new Date(to.getTime() - 30 * 86400000);
    $("analytics-to").value = to.toISOString().slice(0, 10);
    $("analytics-from").value = from.toISOString().slice(0, 10);
  }
  // The form's dates are inclusive; the API's window is [from, to): ask up to the next midnight.
  const through = new Date($("analytics-to").value + "T00:00:00Z");
  through.setUTCDate(through.getUTCDate() + 1);
  const params = new URLSearchParams({ from: $("analytics-from").value, to: through.toISOString().slice(0, 10),
    granularity: $("analytics-granularity").value });
  const charts = $("analytics-charts");
  charts.replaceChildren();
  for (const name of ["processing", "quality", "business"]) {
    const h = document.createElement("h3");
    h.textContent = name;
    charts.appendChild(h);
    try {
      Charts.render(charts, name, await api("GET", "/v1/analytics/" + name + "?" + params));
    } catch (err) {
      const p = document.createElement("p");
      p.className = "hint";
      p.textContent = err.status === 404 || err.status === 403
        ? "GET /v1/analytics/" + name + " is not served by this gateway, or not to this key (" + err.status + ")."
        : err.message;
      charts.appendChild(p);
    }
  }
}

window.addEventListener("hashchange", route);
signedIn();
route();
