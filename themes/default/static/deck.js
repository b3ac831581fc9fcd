// quarterdeck deck keys: the deck reads as a document without this script.
// With it: → / Space / PageDown next, ← / Shift+Space / PageUp previous,
// Home / End first and last, p present (one slide per screen), f fullscreen,
// Escape stops presenting. The URL fragment follows the current slide.
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  if (!slides.length) return;
  var current = 0;
  function indexOfHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    for (var i = 0; i < slides.length; i++) if (slides[i].id === id) return i;
    return -1;
  }
  function show(i, push) {
    current = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (s, n) { s.classList.toggle("current", n === current); });
    var id = slides[current].id;
    if (push && location.hash !== "#" + id) history.pushState(null, "", "#" + id);
    if (!document.body.classList.contains("presenting")) slides[current].scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", function () { var i = indexOfHash(); if (i >= 0) show(i, false); });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target && e.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return;
    var k = e.key;
    if (k === "ArrowRight" || k === "PageDown" || (k === " " && !e.shiftKey)) { show(current + 1, true); }
    else if (k === "ArrowLeft" || k === "PageUp" || (k === " " && e.shiftKey)) { show(current - 1, true); }
    else if (k === "Home") { show(0, true); }
    else if (k === "End") { show(slides.length - 1, true); }
    else if (k === "p") { document.body.classList.toggle("presenting"); show(current, false); }
    else if (k === "Escape") { document.body.classList.remove("presenting"); show(current, false); return; }
    else if (k === "f") { if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen(); }
    else return;
    e.preventDefault();
  });
  var start = indexOfHash();
  current = start >= 0 ? start : 0;
  slides[current].classList.add("current");
})();
