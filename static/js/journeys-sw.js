// Service worker of the journey guide (scope: /<lang>/journeys/).
// Pages: network first, the copy saved at the last visit when offline, else the offline page.
// Static files: cache first. Nothing is sent anywhere; the cache stays on this phone.
"use strict";
var CACHE = "kompass-journeys-v1";
var SCOPE = self.registration.scope;
var OFFLINE = SCOPE + "offline/";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.add(OFFLINE); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isStatic(url) { return url.pathname.indexOf("/static/") === 0; }

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isStatic(url)) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) { var copy = response.clone(); caches.open(CACHE).then(function (c) { c.put(request, copy); }); }
        return response;
      });
    }));
    return;
  }
  if (request.url.indexOf(SCOPE) !== 0 || url.pathname.indexOf("/board/") !== -1 || url.pathname.indexOf("/follow/") !== -1) return;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && !url.pathname.endsWith(".pdf")) {
      var copy = response.clone();
      caches.open(CACHE).then(function (c) { c.put(request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(request).then(function (hit) {
      return hit || (request.mode === "navigate" ? caches.match(OFFLINE) : Response.error());
    });
  }));
});
