// Editors' preview only (mkdocs serve): reload the page once the site has been rebuilt.
// MkDocs' own live-reload script is inline, which the pages' Content-Security-Policy refuses;
// this file does the same from the site itself. The build epoch and the page's request id are in
// the script element's data attributes. Never part of a built site.
(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = script.dataset.epoch;
  var request = script.dataset.request;
  var pending = null;
  var waiting = null;

  function ask() {
    pending = new XMLHttpRequest();
    pending.addEventListener("loadend", function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
        return;
      }
      // The server answers when a build finishes or after a timeout; retry slowly after an error.
      waiting = setTimeout(ask, this.status === 200 ? 0 : 3000);
    });
    pending.open("GET", "/livereload/" + epoch + "/" + request);
    pending.send();
  }

  function pause() {
    if (pending) pending.abort();
    if (waiting) clearTimeout(waiting);
    pending = waiting = null;
  }

  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") ask();
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") ask(); else pause();
  });
  window.addEventListener("beforeunload", pause);
})();
