// Registers the journey guide's service worker so that opened plans work offline.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) return;
  navigator.serviceWorker.register(script.dataset.sw, { scope: script.dataset.scope }).catch(function () {});
})();
