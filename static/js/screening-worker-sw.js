// Service worker of the worker screening (scope: /<lang>/screening/worker/), after journeys-sw.js.
// The page saves its language's audio, fonts and itself in CACHE; here static files and recorded
// voices are served from it first, pages from the network first and from it when there is no signal.
"use strict";
var CACHE = "kompass-worker-v1";
var SCOPE = self.registration.scope;

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("kompass-worker-") === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function cacheFirst(request) {
  return caches.match(request).then(function (hit) {
    return hit || fetch(request).then(function (response) {
      if (response.ok) { var copy = response.clone(); caches.open(CACHE).then(function (c) { c.put(request, copy); }); }
      return response;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0 || url.pathname.indexOf("/worker/voice/") !== -1) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (request.url.indexOf(SCOPE) !== 0 || url.pathname.indexOf("/worker/start/") === -1) return;
  event.respondWith(fetch(request).catch(function () {
    return caches.match(request).then(function (hit) { return hit || Response.error(); });
  }));
});
