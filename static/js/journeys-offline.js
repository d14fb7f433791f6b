// Registers the journey guide's service worker so that opened pages work offline, and asks it to
// keep this page at once: the first visit (a plan opened from its link or QR code) is otherwise
// fetched before the worker controls the page. On a plan (data-precache="links") it also keeps the
// guide's pages the plan links to (the numbers of the route, rights and risks pages), the offline
// page and the plan's own styles and scripts. The cache key is the page's own URL, whatever form the
// plan token takes. Quick exit deletes all of it (quick-exit.js).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  var scope = new URL(script.dataset.scope, location.href).href;

  function wanted() {
    var urls = [location.href, new URL(script.dataset.offline, location.href).href];
    var assets = document.querySelectorAll("link[rel=stylesheet][href], script[src], link[rel=icon][href]");
    Array.prototype.forEach.call(assets, function (node) {
      urls.push(new URL(node.getAttribute("href") || node.getAttribute("src"), location.href).href);
    });
    if (script.dataset.precache === "links") {
      Array.prototype.forEach.call(document.querySelectorAll("main a[href], #main a[href]"), function (a) {
        var url = new URL(a.getAttribute("href"), location.href);
        url.hash = "";
        // Pages of the guide only; never the check-in pages, the board or the PDF.
        if (url.origin === location.origin && url.href.indexOf(scope) === 0 &&
            !/\/(follow|board)\//.test(url.pathname) && !/\.pdf$/.test(url.pathname)) {
          urls.push(url.href);
        }
      });
    }
    return urls.filter(function (u, i) { return urls.indexOf(u) === i && u.indexOf(location.origin) === 0; });
  }

  function keep(registration) {
    var worker = registration.active;
    if (!worker) return;
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      if (!event.data || !event.data.saved) return;
      document.documentElement.setAttribute("data-offline-saved", String(event.data.saved));
      var status = document.getElementById("offline-status");
      if (status && status.dataset.saved) status.textContent = status.dataset.saved;
    };
    worker.postMessage({ type: "keep", urls: wanted() }, [channel.port2]);
  }

  navigator.serviceWorker.register(script.dataset.sw, { scope: script.dataset.scope }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(keep).catch(function () {});
})();
