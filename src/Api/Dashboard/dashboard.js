// The service-quality dashboard: signs in with the API's token endpoint and draws the public report API's numbers.
// No framework; Chart.js comes from npm through the API build (package-lock.json pins it).
"use strict";

const api = "/api/v1";
const tokenKey = "customercare.dashboard.token";
const userKey = "customercare.dashboard.user";
const $ = (id) => document.getElementById(id);
const charts = {};
const palette = ["#1f6feb", "#f59f00", "#2f9e44", "#e03131", "#7048e8", "#0c8599", "#e8590c", "#5c940d", "#c2255c", "#495057"];

function showSignIn(message) {
  sessionStorage.removeItem(tokenKey);
  $("dashboard").hidden = true;
  $("who").hidden = true;
  $("sign-in").hidden = false;
  $("sign-in-error").textContent = message || "";
}

async function signIn(event) {
  event.preventDefault();
  $("sign-in-error").textContent = "";
  const response = await fetch(`${api}/auth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: $("email").value, password: $("password").value }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    $("sign-in-error").textContent = problem.detail || problem.title || `Sign-in failed (${response.status}).`;
    return;
  }
  const token = await response.json();
  sessionStorage.setItem(tokenKey, token.accessToken);
  sessionStorage.setItem(userKey, $("email").value);
  $("password").value = "";
  await start();
}

async function report(path) {
  const response = await fetch(`${api}/reports/${path}`, {
    headers: { Authorization: `Bearer ${sessionStorage.getItem(tokenKey)}`, Accept: "application/json" },
  });
  if (response.status === 401) {
    showSignIn("Your session ended: please sign in again.");
    throw new Error("signed out");
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const fields = problem.errors ? " " + Object.values(problem.errors).flat().join(" ") : "";
    throw new Error(response.status === 403
      ? "Reports are for supervisors, managers and administrators."
      : `${problem.title || response.statusText}${fields}`);
  }
  return response.json();
}

// Periods are calendar days; the API reads them in the business calendar's time zone.
const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

function presetPeriod(preset) {
  const today = new Date();
  const quarter = Math.floor(today.getMonth() / 3) * 3;
  switch (preset) {
    case "lastQuarter":
      return { from: iso(new Date(today.getFullYear(), quarter - 3, 1)), to: iso(new Date(today.getFullYear(), quarter, 0)) };
    case "month":
      return { from: iso(new Date(today.getFullYear(), today.getMonth(), 1)), to: iso(today) };
    case "last30":
      return { from: iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29)), to: iso(today) };
    case "custom":
      return { from: $("from").value, to: $("to").value };
    default:
      return { from: null, to: null }; // the API's default: this quarter up to today
  }
}

function intervalFor(from, to) {
  const days = (Date.parse(to) - Date.parse(from)) / 86400000 + 1;
  return days <= 62 ? "day" : days <= 400 ? "week" : "month";
}

// Honour the reader's (or a test browser's) wish for less motion.
if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
  Chart.defaults.animation = false;
}

function draw(id, config) {
  charts[id]?.destroy();
  charts[id] = new Chart($(id), config);
}

const hours = (value) => (value === null || value === undefined ? "–" : value.toFixed(1));
const percent = (value) => (value === null || value === undefined ? "–" : `${Math.round(value * 1000) / 10}%`);
const milestoneNames = { registered: "Registered", assigned: "Assigned", firstContact: "First contact", solutionProposed: "Solution proposed", resultFedBack: "Result fed back", resolution: "Resolved, end to end" };

async function load(event) {
  event?.preventDefault();
  $("error").textContent = "";
  $("status").textContent = "Loading…";
  try {
    const period = presetPeriod($("preset").value);
    const query = period.from && period.to ? `from=${period.from}&to=${period.to}` : "";
    const [byCategory, byChannel, breaches] = await Promise.all([
      report(`complaints/summary?${query}&groupBy=category`),
      report(`complaints/summary?${query}&groupBy=channel`),
      report("complaints/open-breaches"),
    ]);
    $("from").value = byCategory.from;
    $("to").value = byCategory.to;
    const interval = intervalFor(byCategory.from, byCategory.to);
    const trend = await report(`complaints/trend?from=${byCategory.from}&to=${byCategory.to}&interval=${interval}`);

    const total = byCategory.total;
    $("kpi-count").textContent = total.count;
    $("kpi-rate").textContent = total.complaintRate === null ? "–" : total.complaintRate.toFixed(1);
    $("kpi-basis").textContent = byCategory.rateBasis.basis === "activeCustomers" ? "active customers" : "of the configured volume";
    $("kpi-open").textContent = total.open;
    $("kpi-first-response").textContent = hours(total.firstResponse.medianHours);
    $("kpi-resolution").textContent = hours(total.resolution.medianHours);
    $("kpi-reopen").textContent = percent(total.reopen.rate);
    $("kpi-recomplaint").textContent = percent(total.reComplaint.rate);
    $("kpi-csat").textContent = total.satisfaction.mean === null ? "–" : total.satisfaction.mean.toFixed(2);
    $("volume-interval").textContent = `per ${interval}`;

    draw("volume-chart", {
      type: "line",
      data: {
        labels: trend.points.map((p) => p.start),
        datasets: [{ label: "Complaints", data: trend.points.map((p) => p.total.count), borderColor: palette[0], tension: 0, fill: false }],
      },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    draw("category-chart", {
      type: "pie",
      data: {
        labels: byCategory.groups.map((g) => g.label),
        datasets: [{ data: byCategory.groups.map((g) => g.count), backgroundColor: palette }],
      },
    });
    draw("channel-chart", {
      type: "bar",
      data: {
        labels: byChannel.groups.map((g) => g.label),
        datasets: [{ label: "Complaints", data: byChannel.groups.map((g) => g.count), backgroundColor: palette[1] }],
      },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    draw("sla-chart", {
      type: "bar",
      data: {
        labels: total.sla.map((s) => milestoneNames[s.milestone] || s.milestone),
        datasets: [{ label: "Met in time (%)", data: total.sla.map((s) => (s.compliance === null ? null : Math.round(s.compliance * 1000) / 10)), backgroundColor: palette[2] }],
      },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, max: 100 } } },
    });
    draw("csat-chart", {
      type: "bar",
      data: {
        labels: total.satisfaction.distribution.map((d) => `${d.score}`),
        datasets: [{ label: "Responses", data: total.satisfaction.distribution.map((d) => d.count), backgroundColor: palette[4] }],
      },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    draw("breaches-chart", {
      type: "bar",
      data: {
        labels: breaches.departments.map((d) => d.name),
        datasets: [{ label: "Open complaints with a missed milestone", data: breaches.departments.map((d) => d.complaints), backgroundColor: palette[3] }],
      },
      options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
    $("status").textContent = `${byCategory.from} – ${byCategory.to} (${byCategory.timeZone})`;
    document.body.dataset.loaded = `${byCategory.from}/${byCategory.to}`;
  } catch (error) {
    $("status").textContent = "";
    if (error.message !== "signed out") {
      $("error").textContent = error.message;
    }
  }
}

async function start() {
  if (!sessionStorage.getItem(tokenKey)) {
    showSignIn();
    return;
  }
  $("sign-in").hidden = true;
  $("dashboard").hidden = false;
  $("who").hidden = false;
  $("who-name").textContent = sessionStorage.getItem(userKey) || "";
  await load();
}

$("sign-in").addEventListener("submit", signIn);
$("sign-out").addEventListener("click", () => showSignIn());
$("period").addEventListener("submit", load);
$("preset").addEventListener("change", () => { if ($("preset").value !== "custom") load(); });
for (const id of ["from", "to"]) {
  $(id).addEventListener("change", () => { $("preset").value = "custom"; });
}
start();
