// Plain SVG charts for the analytics answers. The answers' shapes are read generically: a list of
// objects becomes a bar chart per numeric field (labelled by its first text field), an object of
// numbers a bar chart of its entries, so that a field the API adds shows up without a change here.
"use strict";
const Charts = (() => {
  const SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs, text) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function bars(title, entries) {
    const box = document.createElement("div");
    box.className = "chart";
    const h = document.createElement("h4");
    h.textContent = title;
    box.appendChild(h);
    const width = Math.max(220, entries.length * 42 + 50), height = 180, base = 140;
    const svg = el("svg", { width, height, role: "img", "aria-label": title });
    const top = Math.max(...entries.map(e => e[1]), 0) || 1;
    svg.appendChild(el("line", { x1: 40, y1: base, x2: width - 5, y2: base, stroke: "#889" }));
    svg.appendChild(el("text", { x: 36, y: 14, "text-anchor": "end", "font-size": 10 }, format(top)));
    entries.forEach(([label, value], i) => {
      const x = 45 + i * 42, barHeight = (Math.max(0, value) / top) * (base - 20);
      svg.appendChild(el("rect", { x, y: base - barHeight, width: 30, height: barHeight, fill: "#2d6cdf" }));
      svg.appendChild(el("text", { x: x + 15, y: base - barHeight - 3, "text-anchor": "middle", "font-size": 10 }, format(value)));
      svg.appendChild(el("text", { x: x + 15, y: base + 12, "text-anchor": "end", "font-size": 10,
        transform: `rotate(-35 ${x + 15} ${base + 12})` }, String(label).slice(0, 16)));
    });
    box.appendChild(svg);
    return box;
  }

  function format(v) {
    return Math.abs(v) >= 100 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(2);
  }

  // Every chartable part of an answer, named by its path.
  function render(container, name, answer) {
    const found = [];
    walk(name, answer, found, 0);
    if (found.length === 0) {
      const p = document.createElement("p");
      p.className = "hint";
      p.textContent = name + ": nothing to chart in this period.";
      container.appendChild(p);
    }
    found.forEach(([title, entries]) => container.appendChild(bars(title, entries)));
  }

  function walk(path, value, found, depth) {
    if (value === null || typeof value !== "object" || depth > 4) return;
    if (Array.isArray(value)) {
      const rows = value.filter(v => v && typeof v === "object" && !Array.isArray(v));
      if (rows.length === 0) return;
      const keys = Object.keys(rows[0]);
      const labelKey = keys.find(k => typeof rows[0][k] === "string");
      // A bucket's bounds (minScore/maxScore) label its bar rather than being charted themselves.
      const range = keys.filter(k => k.startsWith("min") && typeof rows[0][k] === "number")
        .map(k => [k, "max" + k.slice(3)]).find(([, max]) => typeof rows[0][max] === "number");
      const label = (r, i) => labelKey ? r[labelKey] : range ? r[range[0]] + "–" + r[range[1]] : i + 1;
      const numeric = keys.filter(k => typeof rows[0][k] === "number" && !(range && range.includes(k)));
      numeric.forEach(k => found.push([path + " · " + k, rows.map((r, i) => [label(r, i), Number(r[k]) || 0])]));
      rows.forEach((r, i) => Object.entries(r).forEach(([k, v]) => {
        if (v && typeof v === "object") walk(path + " · " + label(r, i) + " · " + k, v, found, depth + 1);
      }));
      return;
    }
    const numbers = Object.entries(value).filter(([, v]) => typeof v === "number");
    if (numbers.length > 1) found.push([path, numbers]);
    Object.entries(value).forEach(([k, v]) => {
      if (v && typeof v === "object") walk(path + " · " + k, v, found, depth + 1);
    });
  }

  return { render, bars };
})();
