// quarterdeck serve: reload when this page is served again; show a broken build's error
// over the page until it is fixed. Injected by the server only, never built.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script ? script.getAttribute("data-version") : null;
  var overlay = null;

  function showError(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "quarterdeck-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
        "background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;";
      var title = document.createElement("h2");
      title.textContent = "The last edit does not build; the page shows the last good build.";
      title.style.cssText = "font:bold 16px/1.4 system-ui,sans-serif;margin:0 0 1rem;color:#ffb4a8;";
      var pre = document.createElement("pre");
      pre.style.cssText = "white-space:pre-wrap;margin:0;";
      overlay.appendChild(title);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.lastChild.textContent = text;
  }

  // The server renders the page shown first, and reloads it only when it
  // changed; on connecting it says whether this copy is still current.
  var query = "?page=" + encodeURIComponent(location.pathname);
  if (version !== null) query += "&version=" + encodeURIComponent(version);
  var events = new EventSource("/__quarterdeck/events" + query);
  events.addEventListener("hello", function (e) {
    // A build finished between this page's load and this connection.
    if (version !== null && e.data !== version) location.reload();
  });
  events.addEventListener("reload", function () {
    location.reload();
  });
  events.addEventListener("error-text", function (e) {
    showError(e.data);
  });
})();
