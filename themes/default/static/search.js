// quarterdeck search: ranks the results of a query over the index that
// the build writes under search/ (docs.js, loaded by the page, and one
// words-<c>.js per first letter, loaded here on demand with <script>,
// which works from file:// where fetch() would not). Words are runs of
// letters and digits, lowercased, as the build splits them.
(function () {
  "use strict";
  var doc = document;
  var S = window.quarterdeckSearch;
  var docsEl = doc.getElementById("search-docs");
  var list = doc.getElementById("search-results");
  var status = doc.getElementById("search-status");
  var input = doc.getElementById("search-query");
  if (!S || !S.index || !docsEl || !list || !status || !input) return;
  // Each result: [title, path, quarter, team, kind], the last three
  // indices into the lists beside it (-1: none); a path starting with #
  // is a slide of the deck decks[quarter]. The build leaves out the last
  // three where they are the previous result's: they are put back here.
  var I = S.index, last = [-1, -1, -1];
  I.docs = I.docs.map(function (e) {
    if (e.length > 2) last = e.slice(2);
    return e.slice(0, 2).concat(last);
  });
  var base = docsEl.getAttribute("data-shards") || "";
  var say = function (name) { return list.getAttribute("data-" + name) || ""; };
  var shards = {};
  var waiting = {};
  var LIMIT = 50;

  S.shard = function (c, words) {
    shards[c] = words;
    var then = waiting[c] || [];
    delete waiting[c];
    then.forEach(function (f) { f(); });
  };

  function shardOf(w) {
    var c = w.charAt(0);
    return /[a-z0-9]/.test(c) ? c : "_";
  }

  function load(c, done) {
    if (shards[c]) { done(); return; }
    if (waiting[c]) { waiting[c].push(done); return; }
    waiting[c] = [done];
    var s = doc.createElement("script");
    s.src = base + "words-" + c + ".js";
    // No file: no word starts with that letter.
    s.onerror = function () { S.shard(c, {}); };
    doc.head.appendChild(s);
  }

  function words(q) {
    return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) {
      var n = Array.from(w).length;
      return n >= 2 && n <= 40;
    });
  }

  // A word's postings as the build writes them: per result that has the
  // word, the results skipped since the one before (base 36), and `.` and
  // the word's count there unless it is 1; read as [result, count, …].
  function decode(text) {
    var out = [], at = -1;
    text.split(",").forEach(function (p) {
      var dot = p.indexOf(".");
      at += 1 + parseInt(dot < 0 ? p : p.slice(0, dot), 36);
      out.push(at, dot < 0 ? 1 : parseInt(p.slice(dot + 1), 36));
    });
    return out;
  }

  // Each doc's score for one query word: exact matches, and for the last
  // word also the words it begins (at half weight).
  function scores(w, prefix) {
    var shard = shards[shardOf(w)] || {};
    var out = {};
    var add = function (text, weight) {
      var postings = decode(text);
      var df = postings.length / 2;
      var idf = Math.log(1 + I.docs.length / df);
      for (var i = 0; i < postings.length; i += 2) {
        var d = postings[i];
        out[d] = (out[d] || 0) + postings[i + 1] * idf * weight;
      }
    };
    var has = function (k) { return Object.prototype.hasOwnProperty.call(shard, k); };
    if (has(w)) add(shard[w], 1);
    if (prefix) {
      Object.keys(shard).forEach(function (k) {
        if (k !== w && k.lastIndexOf(w, 0) === 0) add(shard[k], 0.5);
      });
    }
    return out;
  }

  function run(q) {
    var ws = words(q);
    list.textContent = "";
    if (!ws.length) { status.textContent = ""; return; }
    status.textContent = say("searching");
    var pending = 0;
    var needed = {};
    ws.forEach(function (w) { needed[shardOf(w)] = true; });
    var letters = Object.keys(needed);
    pending = letters.length;
    letters.forEach(function (c) {
      load(c, function () { if (--pending === 0) show(q, ws); });
    });
  }

  function show(q, ws) {
    var total = null;
    ws.forEach(function (w, i) {
      var s = scores(w, i === ws.length - 1);
      if (total === null) { total = s; return; }
      var both = {};
      Object.keys(total).forEach(function (d) { if (s[d] !== undefined) both[d] = total[d] + s[d]; });
      total = both;
    });
    var ranked = Object.keys(total).map(Number).sort(function (a, b) {
      return total[b] - total[a] || a - b;
    });
    var n = ranked.length;
    status.textContent = n ? n + " " + say(n === 1 ? "result" : "results") + " “" + q + "”" : say("none") + " “" + q + "”";
    ranked.slice(0, LIMIT).forEach(function (d) {
      var e = I.docs[d];
      var li = doc.createElement("li");
      var a = doc.createElement("a");
      a.href = e[1].charAt(0) === "#" ? I.decks[e[2]] + e[1] : e[1];
      a.textContent = e[0];
      var meta = doc.createElement("p");
      meta.className = "muted";
      meta.textContent = [say("kind-" + I.kinds[e[4]]), I.quarters[e[2]], I.teams[e[3]]].filter(Boolean).join(" · ");
      var h = doc.createElement("h2");
      h.appendChild(a);
      li.appendChild(h);
      li.appendChild(meta);
      list.appendChild(li);
    });
  }

  var q = new URLSearchParams(location.search).get("q") || "";
  input.value = q;
  run(q);
})();
