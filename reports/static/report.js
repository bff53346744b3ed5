// The answer browser: one comparison at a time, from JSON documents that are inline
// (<script type="application/json" data-doc>) or loaded on demand from the report's folder
// (report_files/NAME.js, each one call to plugReport.receive).  Every text reaches the page
// through textContent only, never as markup.
(function () {
  "use strict";
  var docs = {};
  var waiting = {};
  window.plugReport = {
    receive: function (name, doc) {
      docs[name] = doc;
      (waiting[name] || []).forEach(function (f) { f(); });
      delete waiting[name];
    }
  };
  document.querySelectorAll("script[type='application/json'][data-doc]").forEach(function (s) {
    docs[s.dataset.doc] = JSON.parse(s.textContent);
  });
  var root = document.querySelector("[data-answers]");
  var listing = document.getElementById("plug-comparisons");
  if (!root || !listing) { return; }
  var meta = {};
  JSON.parse(listing.textContent).forEach(function (m) { meta[m.key] = m; });
  var pick = root.querySelector("select[data-filter=comparison]");
  var byOutcome = root.querySelector("select[data-filter=outcome]");
  var byCategory = root.querySelector("select[data-filter=category]");
  var count = root.querySelector("[data-count]");
  var box = root.querySelector("[data-items]");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function need(name, then) {
    if (docs[name]) { then(); return; }
    var first = !waiting[name];
    (waiting[name] = waiting[name] || []).push(then);
    if (!first) { return; }
    var s = document.createElement("script");
    s.src = root.dataset.files + "/" + encodeURIComponent(name) + ".js";
    s.onerror = function () { count.textContent = "cannot load " + s.src + " (is the report's folder next to it?)"; };
    document.head.appendChild(s);
  }

  function pool(name) {
    var p = docs[name];
    if (!p.index) {
      p.index = {};
      p.ids.forEach(function (id, k) { p.index[id] = k; });
    }
    return p;
  }

  function texts(doc, item, part) {
    if (item[8] && item[8][part]) { return item[8][part]; }
    var p = pool(doc.pools[part]);
    return p.texts[p.index[item[0]]] || [];
  }

  function preview(text) {
    text = String(text || "").replace(/\s+/g, " ").trim();
    return text.length <= 150 ? text : text.slice(0, 149) + "…";
  }

  function answer(side, name, txt, status, fidelity) {
    var sec = el("section", "answer");
    var h = el("h4", null, side + " · " + name);
    if (status !== null) {
      h.appendChild(el("span", "tag" + (status !== "ok" ? " warn" : ""), "extraction: " + status));
    }
    if (fidelity !== null) {
      h.appendChild(el("span", "tag", "language fidelity " + (100 * fidelity).toFixed(1) + "%"));
    }
    sec.appendChild(h);
    sec.appendChild(el("pre", "answer-text", txt[0] || ""));
    if (txt[1]) {
      var d = el("details");
      d.appendChild(el("summary", "note", "PLUG pivot draft"));
      d.appendChild(el("pre", null, txt[1]));
      sec.appendChild(d);
    }
    return sec;
  }

  function verdicts(S, judgments) {
    var wrap = el("div", "verdicts");
    wrap.appendChild(el("h4", null, "Judgments"));
    if (!judgments.length) { wrap.appendChild(el("div", "note", "no judgment stored")); }
    judgments.forEach(function (j) {
      var order = S[j[0]];
      var v = el("div", "v");
      v.dataset.order = order;
      v.appendChild(el("b", null, order === "BA" ? "B shown first" : order === "AB" ? "A shown first" : order));
      v.appendChild(document.createTextNode(" → verdict "));
      v.appendChild(el("b", "verdict", j[1] === null ? "" : S[j[1]]));
      if (j[5] !== null) { v.appendChild(el("span", "tag", "preference " + j[5].toFixed(3))); }
      if (j[4] !== null) { v.appendChild(el("span", "tag warn", "error: " + S[j[4]])); }
      if (j[3] !== null) { v.appendChild(el("div", "note", S[j[3]])); }
      if (j[2] !== null) {
        var d = el("details");
        d.appendChild(el("summary", "note", "judge reply"));
        d.appendChild(el("pre", "raw", S[j[2]]));
        v.appendChild(d);
      }
      wrap.appendChild(v);
    });
    return wrap;
  }

  function body(m, doc, item) {
    var S = doc.strings;
    var b = el("div", "body");
    var ins = el("div", "instruction");
    ins.appendChild(el("h4", null, "Instruction"));
    ins.appendChild(el("pre", null, texts(doc, item, "i")[0] || ""));
    b.appendChild(ins);
    var ans = el("div", "answers");
    ans.appendChild(answer("A", m.system, texts(doc, item, "a"), item[3] === null ? null : S[item[3]], item[5]));
    ans.appendChild(answer("B", m.baseline, texts(doc, item, "b"), item[4] === null ? null : S[item[4]], item[6]));
    b.appendChild(ans);
    b.appendChild(verdicts(S, item[7]));
    return b;
  }

  function card(m, doc, item) {
    var S = doc.strings;
    var outcome = S[item[1]];
    var category = item[2] === null ? "" : S[item[2]];
    var art = el("article", "item");
    art.dataset.comparison = m.key;
    art.dataset.lang = m.lang;
    art.dataset.outcome = outcome;
    art.dataset.category = category;
    art.dataset.id = item[0];
    var d = el("details");
    var sum = el("summary");
    sum.appendChild(el("span", "badge b-" + outcome.replace(/[^a-z_]/g, ""), outcome.replace(/_/g, " ")));
    sum.appendChild(el("span", "tag", m.lang));
    if (category) { sum.appendChild(el("span", "tag", category)); }
    sum.appendChild(el("span", "tag", item[0]));
    sum.appendChild(el("span", "preview", preview(texts(doc, item, "i")[0])));
    d.appendChild(sum);
    d.addEventListener("toggle", function () {
      if (d.open && d.childNodes.length === 1) { d.appendChild(body(m, doc, item)); }
    });
    art.appendChild(d);
    return art;
  }

  function apply() {
    var items = box.querySelectorAll("article.item");
    var shown = 0;
    items.forEach(function (item) {
      var ok = (!byOutcome.value || item.dataset.outcome === byOutcome.value) &&
               (!byCategory.value || item.dataset.category === byCategory.value);
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (pick.value) { count.textContent = shown + " of " + items.length + " shown"; }
  }

  function render(m) {
    var doc = docs[m.key];
    box.textContent = "";
    byCategory.textContent = "";
    byCategory.appendChild(el("option", null, "all")).value = "";
    m.categories.forEach(function (c) { byCategory.appendChild(el("option", null, c)).value = c; });
    var frag = document.createDocumentFragment();
    doc.items.forEach(function (item) { frag.appendChild(card(m, doc, item)); });
    box.appendChild(frag);
    root.dataset.shown = m.key;
    apply();
  }

  function show(key) {
    var m = meta[key];
    if (!m) { return; }
    pick.value = key;
    box.textContent = "";
    count.textContent = "loading…";
    var left = m.needs.length;
    m.needs.forEach(function (name) {
      need(name, function () { left -= 1; if (left === 0) { render(m); } });
    });
  }

  function fromHash() {
    var h = decodeURIComponent(location.hash || "");
    if (h.indexOf("#answers=") === 0) {
      show(h.slice(9));
      root.scrollIntoView();
    }
  }

  pick.addEventListener("change", function () { if (pick.value) { show(pick.value); } });
  byOutcome.addEventListener("change", apply);
  byCategory.addEventListener("change", apply);
  window.addEventListener("hashchange", fromHash);
  if (location.hash) { fromHash(); }
  else if (!root.dataset.files && pick.options.length > 1) { show(pick.options[1].value); }
})();
