// Worker mode of the screening (issue #18). Without this script every step is a plain form.
// With it: big play buttons (repeat by tapping again) that read the question and then the three
// answers while showing which button is which; the questions run inside the page, each read aloud
// after the tap that opened it; the language's audio and fonts are saved for the visit, so the
// worker can answer where there is no signal. Nothing is sent before the phone is given back.
(function () {
  "use strict";
  var script = document.currentScript;
  var CACHE = "kompass-worker-v1";
  var current = null; // {audio, queue}

  function stop() {
    if (!current) return;
    current.cancelled = true;
    current.audio.pause();
    document.querySelectorAll(".speaking, .playing").forEach(function (el) { el.classList.remove("speaking", "playing"); });
    current = null;
  }

  // Play clips one after the other: [{src, el}] — `el` is highlighted while its clip plays.
  function playQueue(items, button) {
    stop();
    var run = { audio: new Audio(), cancelled: false };
    current = run;
    if (button) button.classList.add("playing");
    var i = 0;
    function next() {
      if (run.cancelled) return;
      document.querySelectorAll(".speaking").forEach(function (el) { el.classList.remove("speaking"); });
      if (i >= items.length) { if (button) button.classList.remove("playing"); current = null; return; }
      var item = items[i++];
      if (item.el) item.el.classList.add("speaking");
      run.audio.src = item.src;
      run.audio.onended = next;
      run.audio.onerror = next;
      var played = run.audio.play();
      if (played && played.catch) played.catch(function () { if (button) button.classList.remove("playing"); });
    }
    next();
  }

  function clipsOf(section) {
    var items = [];
    var clip = section.querySelector("audio.clip");
    if (clip) items.push({ src: clip.getAttribute("src"), el: null });
    section.querySelectorAll(".answer[data-audio]").forEach(function (btn) {
      if (btn.dataset.audio) items.push({ src: btn.dataset.audio, el: btn });
    });
    return items;
  }

  function speak(section) {
    var items = clipsOf(section);
    if (items.length) playQueue(items, section.querySelector(".listen-button"));
  }

  // Big play buttons instead of the browser's small player.
  document.querySelectorAll(".listen").forEach(function (box) {
    var audio = box.querySelector("audio.clip");
    var button = box.querySelector(".listen-button");
    if (!audio || !button) return;
    audio.removeAttribute("controls");
    audio.hidden = true;
    button.hidden = false;
    button.addEventListener("click", function () { speak(box.closest(".step")); });
  });

  // The questions inside the page (intro.html renders them hidden, with the hand-back screen).
  var intro = document.querySelector('[data-step="intro"]');
  var steps = Array.prototype.slice.call(document.querySelectorAll("section.question[data-step]"));
  var handback = document.querySelector('[data-step="handback"]');
  if (intro && handback) {
    var form = handback.querySelector(".result-form");
    var index = -1;
    var show = function (section) {
      stop();
      [intro, handback].concat(steps).forEach(function (s) { s.hidden = s !== section; });
      window.scrollTo(0, 0);
      var heading = section.querySelector("h1");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: true }); }
      speak(section); // a tap opened it: the browser lets it play
    };
    var go = function (to) {
      index = to;
      show(index < steps.length ? steps[index] : handback);
    };
    intro.querySelector("[data-start]").addEventListener("click", function (event) {
      event.preventDefault();
      go(0);
    });
    steps.forEach(function (section, n) {
      section.querySelectorAll("[data-answer]").forEach(function (btn) {
        btn.addEventListener("click", function () {
          form.elements["a_" + section.dataset.key].value = btn.dataset.answer;
          go(n + 1);
        });
      });
      var back = section.querySelector("[data-back]");
      if (n === 0) { back.hidden = true; }
      back.addEventListener("click", function () {
        form.elements["a_" + steps[n - 1].dataset.key].value = "";
        go(n - 1);
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var note = handback.querySelector(".offline-note");
      fetch(form.action, { method: "HEAD", cache: "no-store" }).then(function () {
        form.submit();
      }, function () { note.hidden = false; });
    });
  }

  // Keep this language's audio, fonts and this page for the visit (the service worker serves them).
  if ("serviceWorker" in navigator && script && script.dataset.sw) {
    navigator.serviceWorker.register(script.dataset.sw, { scope: script.dataset.scope }).catch(function () {});
  }
  var list = document.getElementById("worker-precache");
  if (window.caches && list) {
    var urls = JSON.parse(list.textContent);
    if (intro) urls.push(location.href);
    caches.open(CACHE).then(function (cache) {
      urls.forEach(function (url) {
        cache.match(url).then(function (hit) { if (!hit) cache.add(url).catch(function () {}); });
      });
    });
  }
})();
