// Service worker of the journey guide (scope: /<lang>/journeys/).
// Pages: network first, the copy saved at the last visit when offline, else the offline page.
// Static files: cache first. A page may ask to keep itself and the pages it links to ("keep"
// message): that is how a plan opened for the first time from its link stays available offline.
// Nothing is sent anywhere; the cache stays on this phone until quick exit deletes it.
"use strict";
var CACHE = "kompass-journeys-v2";
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

function keepable(url) {
  var parsed = new URL(url);
  if (parsed.origin !== self.location.origin) return false;
  if (isStatic(parsed)) return true;
  return url.indexOf(SCOPE) === 0 && !/\/(follow|board)\//.test(parsed.pathname) && !/\.pdf$/.test(parsed.pathname);
}

// Keep the pages a page asked for; answers with how many were saved.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.urls)) return;
  var urls = data.urls.filter(function (u) { return typeof u === "string" && keepable(u); }).slice(0, 60);
  var reply = event.ports && event.ports[0];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return fetch(url, { credentials: "same-origin", redirect: "follow" }).then(function (response) {
        if (!response.ok || response.redirected) return 0;
        return cache.put(url, response).then(function () { return 1; });
      }).catch(function () { return 0; });
    }));
  }).then(function (results) {
    var saved = results.reduce(function (a, b) { return a + b; }, 0);
    if (reply) reply.postMessage({ saved: saved });
  }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isStatic(url)) {
    event.respondWith(caches.match(request, { ignoreVary: true }).then(function (hit) {
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
    return caches.match(request, { ignoreVary: true }).then(function (hit) {
      return hit || (request.mode === "navigate" ? caches.match(OFFLINE, { ignoreVary: true }) : Response.error());
    });
  }));
});
