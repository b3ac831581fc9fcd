// quarterdeck deck: slide view, reading view, overview, presenter window.
// The deck reads as a plain document without this script, and the script
// makes no request of its own. Keys: see KEYS below. Words: the strings
// table's `script.*`: assets/deck-words.js, or #deck-words in a single file.
(function () {
  "use strict";
  var doc = document, body = doc.body, win = window;
  var deck = doc.getElementById("deck");
  var slides = deck ? [].slice.call(deck.querySelectorAll(".deck > .slide")) : [];
  var n = slides.length;
  if (!n) return;
  var params = new URLSearchParams(location.search);
  var presenter = params.has("presenter");
  var live = doc.getElementById("deck-status");
  var main = doc.getElementById("main") || body;
  // The slides' titles, from the outline.
  var titles = doc.querySelectorAll(".deck-intro .outline li > a");
  var reduced = matchMedia("(prefers-reduced-motion: reduce)");
  var narrow = matchMedia("(max-width: 700px)");
  var current = -1, view = "reading", bar, counter, viewButton, overview, help, noNotes, timer, clock;
  var ticking = 0, auto = 0;
  // Reading view: the slide the page was opened at (or switched or moved
  // to) stays in place while the page lays itself out (fonts, images, fit),
  // until the reader scrolls; only then does scrolling choose the slide.
  var anchored = false;
  var me = Math.random().toString(36).slice(2), seq = 0, seen = {}, peer = null, channel = null;
  var key = "quarterdeck " + location.pathname;
  var words = win.quarterdeckWords || {};
  try { words = JSON.parse(doc.getElementById("deck-words").textContent); } catch (e) { /* keys shown */ }
  function t(k) { return words[k] || k; }
  // [keys, what they do]; a key's name in the strings is `key-…`.
  var KEYS = [
    ["→ key-space key-page-down", "next"], ["← key-shift-space key-page-up", "previous"],
    ["key-home key-end", "ends"], ["o", "overview"], ["p", "presenter"], ["f", "full-screen"],
    ["r", "view"], ["?", "help"], ["key-esc", "close"]
  ];

  function on(t, ev, f, o) { t.addEventListener(ev, f, o); }
  function flag(e, c, v) { e.classList.toggle(c, v); }
  function flagOn(c) { body.classList.add(c); }
  function label(s) { return s.getAttribute("aria-label") || s.id; }
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(label, action, title, cls) {
    var b = el("button", cls, label);
    b.type = "button";
    if (title) b.setAttribute("aria-label", title);
    b.addEventListener("click", action);
    return b;
  }
  function store(k, v) { try { if (v === undefined) return sessionStorage.getItem(k); sessionStorage.setItem(k, v); } catch (e) { return null; } }
  function say(text) { if (live) { live.textContent = ""; live.textContent = text; } }
  function isSlides() { return view !== "reading"; }
  function indexOf(id) {
    if (!id) return -1;
    var target = doc.getElementById(id);
    var s = target && target.closest(".deck > .slide");
    return s ? slides.indexOf(s) : -1;
  }
  function fromHash() {
    var id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { /* as written */ }
    return indexOf(id);
  }

  // Go to slide i; how: push|replace (history), remote, quiet, scroll.
  function show(i, how) {
    how = how || {};
    i = Math.max(0, Math.min(n - 1, i));
    var changed = i !== current, s = slides[i];
    var hadFocus = doc.activeElement && current >= 0 && slides[current].contains(doc.activeElement);
    slides.forEach(function (x, k) {
      flag(x, "current", k === i);
      flag(x, "next", k === i + 1);
    });
    current = i;
    var hash = "#" + s.id;
    if (location.hash !== hash) {
      if (how.push) history.pushState(null, "", hash);
      else if (how.replace) history.replaceState(null, "", hash);
    }
    if (counter) counter.textContent = (i + 1) + " / " + n;
    if (noNotes) panel();
    if (changed && !how.quiet) say(label(s));
    if (!isSlides() && how.scroll) anchored = false, auto = Date.now() + 1500, s.scrollIntoView({ block: "start", behavior: reduced.matches ? "auto" : "smooth" });
    if (isSlides() && hadFocus && changed) s.focus({ preventScroll: true });
    if (changed && !how.remote) send({ t: "go", id: s.id, i: i });
  }
  function go(i) { show(i, { push: true, scroll: true }); }

  // Views: "slides" (one slide per screen), "reading" (one scrolling page).
  function setView(v, remember, stay) {
    view = v;
    flag(body, "qd-slides", v === "slides");
    flag(body, "qd-reading", v === "reading");
    if (remember) store("qd-view", v);
    if (viewButton) viewButton.textContent = t(v === "reading" ? "slide-view" : "reading-view");
    if (stay) return;
    if (v === "reading") hold(true);
    else win.scrollTo(0, 0);
  }
  // Put the current slide at the top of the reading view (again, while
  // it is anchored there).
  function hold(start) {
    if (start === true) anchored = true;
    if (anchored && !isSlides()) slides[current].scrollIntoView({ block: "start", behavior: "instant" });
  }
  // Presenter view: say so when the slide has no notes (or minutes) to show.
  function panel() {
    var m = body.classList.contains("qd-minutes");
    noNotes.textContent = t(m ? "no-minutes" : "no-notes");
    noNotes.hidden = !!slides[current].querySelector(m ? ".minutes" : ".notes");
  }
  function toggleView() {
    setView(isSlides() ? "reading" : "slides", true);
    say(t(isSlides() ? "slide-view" : "reading-view"));
  }

  // Scale down type that overflows its frame (container units: one
  // measurement holds at any size), never below MIN_TYPE of the frame's
  // width (docs/presenting.md): the build splits long slides instead.
  var MIN_TYPE = 0.015;
  function fit() {
    flagOn("qd-measure");
    var bodies = slides.map(function (s) { s.style.removeProperty("--fit"); return s.querySelector(".slide-body"); });
    var scale = slides.map(function () { return 1; });
    var floor = bodies.map(function (b) {
      var size = b ? parseFloat(getComputedStyle(b).fontSize) : 0;
      return size ? Math.min(1, MIN_TYPE * b.clientWidth / size) : 1;
    });
    for (var pass = 0; pass < 8; pass++) {
      var ratios = bodies.map(function (b) { return b && b.scrollHeight > b.clientHeight + 1 ? b.clientHeight / b.scrollHeight : 1; });
      var moved = false;
      ratios.forEach(function (r, k) {
        if (r < 1 && scale[k] > floor[k]) {
          scale[k] = Math.max(floor[k], scale[k] * Math.min(0.97, Math.sqrt(r)));
          slides[k].style.setProperty("--fit", scale[k].toFixed(3));
          moved = true;
        }
      });
      if (!moved) break;
    }
    bodies.forEach(function (b, k) {
      var over = !!b && b.scrollHeight > b.clientHeight + 1;
      flag(slides[k], "overflowing", over);
      if (over) b.tabIndex = 0; // what does not fit can still be scrolled by keyboard
    });
    body.classList.remove("qd-measure");
  }

  // Sync the audience and presenter windows: BroadcastChannel, storage
  // events and postMessage, whichever works (file:// included).
  function send(msg) {
    msg.src = me;
    msg.seq = ++seq;
    if (channel) try { channel.postMessage(msg); } catch (e) { channel = null; }
    try { localStorage.setItem(key, JSON.stringify(msg)); } catch (e) { /* storage off */ }
    var other = peer || win.opener;
    if (other && !other.closed) try { other.postMessage({ quarterdeck: msg }, "*"); } catch (e) { /* gone */ }
  }
  function receive(msg) {
    if (!msg || msg.src === me || !(msg.seq > (seen[msg.src] || 0))) return;
    seen[msg.src] = msg.seq;
    if (msg.t === "go") {
      var i = indexOf(msg.id);
      show(i >= 0 ? i : msg.i, { replace: true, remote: true, scroll: true });
    } else if (msg.t === "hello") {
      send({ t: "go", id: slides[current].id, i: current });
    }
  }
  try { channel = new BroadcastChannel(key); channel.onmessage = function (e) { receive(e.data); }; } catch (e) { channel = null; }
  on(win, "storage", function (e) {
    if (e.key === key && e.newValue) try { receive(JSON.parse(e.newValue)); } catch (x) { /* not ours */ }
  });
  on(win, "message", function (e) {
    if (e.data && e.data.quarterdeck && (e.source === peer || e.source === win.opener)) receive(e.data.quarterdeck);
  });

  function openPresenter() {
    if (presenter) return;
    var url = location.href.split("#")[0].split("?")[0] + "?presenter" + location.hash;
    peer = win.open(url, "quarterdeck-presenter");
    say(t(peer ? "presenter-opened" : "presenter-blocked"));
  }

  function fullscreen() {
    if (doc.fullscreenElement) doc.exitFullscreen();
    else if (doc.documentElement.requestFullscreen) doc.documentElement.requestFullscreen().catch(function () {});
  }

  function dialog(cls, title) {
    var d = el("dialog", cls);
    var h = el("h2", "", title);
    h.id = cls + "-title";
    d.setAttribute("aria-labelledby", h.id);
    var close = button(t("close"), function () { d.close(); });
    close.className = "qd-close";
    d.append(h, close);
    d.addEventListener("close", function () {
      if (isSlides()) slides[current].focus({ preventScroll: true });
    });
    main.append(d);
    return d;
  }

  function openOverview() {
    if (!overview) {
      overview = dialog("qd-overview", t("all-slides"));
      var list = el("ol", "qd-grid");
      slides.forEach(function (s, k) {
        var frame = s.querySelector(".slide-frame").cloneNode(true);
        [].forEach.call(frame.querySelectorAll("[id],[href]"), function (x) { x.removeAttribute("id"); x.removeAttribute("href"); });
        var thumb = el("div", s.className.replace(/\b(current|next)\b/g, "") + " qd-thumb");
        thumb.setAttribute("style", s.getAttribute("style") || "");
        thumb.setAttribute("aria-hidden", "true");
        thumb.inert = true;
        thumb.append(frame);
        var a = el("a");
        a.href = "#" + s.id;
        a.append(thumb, el("span", "qd-caption", (k + 1) + ". " + (titles.length === n ? titles[k].textContent : label(s))));
        a.addEventListener("click", function (e) { e.preventDefault(); overview.close(); go(k); });
        var li = el("li");
        li.append(a);
        list.append(li);
      });
      overview.append(list);
      overview.addEventListener("keydown", function (e) {
        var links = [].slice.call(list.querySelectorAll(":scope > li > a")), at = links.indexOf(doc.activeElement);
        if (e.key === "o") { overview.close(); e.preventDefault(); return; }
        if (at < 0) return;
        var cols = Math.max(1, Math.round(list.clientWidth / links[0].offsetWidth));
        var to = { ArrowRight: at + 1, ArrowLeft: at - 1, ArrowDown: at + cols, ArrowUp: at - cols, Home: 0, End: links.length - 1 }[e.key];
        if (to === undefined) return;
        e.preventDefault();
        e.stopPropagation();
        links[Math.max(0, Math.min(links.length - 1, to))].focus();
      });
    }
    overview.showModal();
    var link = overview.querySelectorAll(".qd-grid > li > a")[current];
    link.focus();
    link.scrollIntoView({ block: "nearest" });
  }

  function openHelp() {
    if (!help) {
      help = dialog("qd-help", t("shortcuts"));
      var dl = el("dl");
      KEYS.forEach(function (k) {
        var dt = el("dt");
        k[0].split(" ").forEach(function (name, j) {
          if (j) dt.append(" " + t("or") + " ");
          dt.append(el("kbd", "", name.length > 1 ? t(name) : name));
        });
        dl.append(dt, el("dd", "", t("help-" + k[1])));
      });
      help.append(dl, el("p", "", t("help-print")));
    }
    help.showModal();
  }

  function printHandout() {
    flagOn("qd-handout");
    win.print();
  }
  on(win, "afterprint", function () { if (!params.has("handout")) body.classList.remove("qd-handout"); });

  function toolbar() {
    bar = el("nav", "qd-bar");
    bar.setAttribute("aria-label", t("controls"));
    counter = el("span", "qd-counter");
    viewButton = button(t("reading-view"), toggleView);
    bar.append(
      button("←", function () { go(current - 1); }, t("previous")), counter,
      button("→", function () { go(current + 1); }, t("next")),
      button(t("overview"), openOverview), viewButton,
      button(t("presenter"), openPresenter, "", "qd-wide"), button(t("full-screen"), fullscreen, "", "qd-wide"),
      button(t("print-handout"), printHandout, "", "qd-wide"), button(t("keys"), openHelp)
    );
    main.insertBefore(bar, main.firstChild);
    var idle;
    function wake() {
      body.classList.remove("qd-idle");
      clearTimeout(idle);
      idle = setTimeout(function () { flagOn("qd-idle"); }, 2500);
    }
    on(doc, "mousemove", wake);
    wake();
  }

  function presenterView() {
    flagOn("qd-presenter");
    var head = el("div", "qd-presenter-bar");
    counter = el("span", "qd-counter");
    timer = el("span", "qd-timer", "0:00");
    timer.setAttribute("role", "timer");
    timer.setAttribute("aria-label", t("elapsed"));
    clock = el("span", "qd-clock");
    var started = Date.now(), pausedAt = 0;
    var pause = button(t("pause"), function () {
      if (pausedAt) { started += Date.now() - pausedAt; pausedAt = 0; pause.textContent = t("pause"); }
      else { pausedAt = Date.now(); pause.textContent = t("resume"); }
    });
    var reset = button(t("restart"), function () { started = Date.now(); if (pausedAt) pausedAt = started; tick(); });
    head.append(el("strong", "", t("presenter-view")), counter, timer, pause, reset);
    // The minutes recorded against the slides, in place of the notes.
    if (deck.querySelector(".minutes")) {
      var minutes = button(t("minutes"), function () {
        minutes.setAttribute("aria-pressed", body.classList.toggle("qd-minutes"));
        panel();
      });
      minutes.setAttribute("aria-pressed", "false");
      head.append(minutes);
    }
    head.append(clock);
    main.insertBefore(head, main.firstChild);
    noNotes = el("p", "qd-no-notes");
    main.append(noNotes);
    function two(x) { return (x < 10 ? "0" : "") + x; }
    function tick() {
      var t = Math.floor(((pausedAt || Date.now()) - started) / 1000);
      timer.textContent = Math.floor(t / 60) + ":" + two(t % 60);
      var d = new Date();
      clock.textContent = two(d.getHours()) + ":" + two(d.getMinutes());
    }
    tick();
    setInterval(tick, 1000);
    doc.title = t("presenter-title").replace("{title}", function () { return doc.title; });
  }

  on(doc, "keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    var t = e.target, tag = t && t.tagName, k = e.key;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(tag))) return;
    if (doc.querySelector("dialog[open]")) return;
    var control = /^(A|BUTTON|SUMMARY)$/.test(tag);
    var paging = isSlides() || presenter;
    if (k === "ArrowRight" || (paging && (k === "PageDown" || (k === " " && !e.shiftKey && !control)))) go(current + 1);
    else if (k === "ArrowLeft" || (paging && (k === "PageUp" || (k === " " && e.shiftKey && !control)))) go(current - 1);
    else if (paging && k === "Home") go(0);
    else if (paging && k === "End") go(n - 1);
    else if (k === "o") openOverview();
    else if (k === "p") openPresenter();
    else if (k === "f") fullscreen();
    else if (k === "r" && !presenter) toggleView();
    else if (k === "?") openHelp();
    else return;
    e.preventDefault();
  });
  function followUrl() { var i = fromHash(); if (i >= 0 && i !== current) show(i, { scroll: true }); }
  on(win, "popstate", followUrl);
  on(win, "hashchange", followUrl);

  on(win, "scrollend", function () { auto = 0; });
  ["wheel", "touchstart", "mousedown"].forEach(function (ev) { on(win, ev, function () { anchored = false; }, { passive: true }); });
  on(win, "keydown", function (e) { if (!e.defaultPrevented && /^(Arrow|Page|Home|End| )/.test(e.key)) anchored = false; });
  on(win, "scroll", function () {
    if (isSlides() || anchored || ticking || Date.now() < auto) return;
    ticking = requestAnimationFrame(function () {
      ticking = 0;
      var line = win.innerHeight * 0.3;
      for (var k = 0; k < n; k++) {
        if (slides[k].getBoundingClientRect().bottom > line) {
          if (k !== current) show(k, { replace: true, quiet: true });
          break;
        }
      }
    });
  }, { passive: true });

  slides.forEach(function (s) { s.tabIndex = -1; });
  fit();
  on(win, "load", function () { fit(); hold(); });
  if (win.ResizeObserver) new ResizeObserver(function () { hold(); }).observe(deck);
  on(win, "beforeprint", fit);
  if (params.has("handout")) flagOn("qd-handout");
  flagOn("qd-js");
  if (presenter) presenterView();
  else toolbar();
  var start = fromHash();
  show(start >= 0 ? start : 0, { quiet: true, remote: true });
  // A deck opened without a fragment starts at the top of the page.
  setView(presenter ? "presenter" : narrow.matches ? "reading" : store("qd-view") || "slides", false, start < 0);
  narrow.addEventListener("change", function () { if (!presenter) setView(narrow.matches ? "reading" : store("qd-view") || "slides", false); });
  if (presenter) send({ t: "hello" });
})();
