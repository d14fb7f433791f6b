// Quick exit: leave at once and replace this page in the history, by click or by pressing Escape three times.
(function () {
  var link = document.getElementById("quick-exit");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    try { document.body.innerHTML = ""; } catch (e) {}
    // Opened safety plans are cached for offline use: leave nothing behind on a shared phone. The
    // deletion is waited for (at most a moment), so that the saved plan is really gone.
    var erased = [];
    try {
      if (window.caches) {
        erased.push(caches.keys().then(function (keys) {
          return Promise.all(keys.map(function (k) { return caches.delete(k); }));
        }));
      }
      if (navigator.serviceWorker && navigator.serviceWorker.getRegistrations) {
        erased.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
          return Promise.all(registrations.map(function (r) { return r.unregister(); }));
        }));
      }
    } catch (e) {}
    var go = function () { window.location.replace(link.href); };
    if (!erased.length || !window.Promise) { go(); return; }
    Promise.race([
      Promise.all(erased).catch(function () {}),
      new Promise(function (resolve) { setTimeout(resolve, 700); }),
    ]).then(go, go);
  }
  link.addEventListener("click", leave);
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
