// Optional map picker on the safety-plan form: a tap on the map writes "lat, lon" into the route field
// that has focus (or the first empty one). Typing a city name works the same without it.
(function () {
  "use strict";
  var holder = document.getElementById("pick-map");
  if (!holder || !window.L || !holder.dataset.tiles) return;
  holder.hidden = false;
  var fields = Array.prototype.slice.call(document.querySelectorAll("[data-place-field]"));
  var last = null;
  fields.forEach(function (f) { f.addEventListener("focus", function () { last = f; }); });
  var map = L.map(holder).setView([47.0, 27.0], 5);
  L.tileLayer(holder.dataset.tiles, { attribution: holder.dataset.attribution || "", maxZoom: 18 }).addTo(map);
  map.on("click", function (event) {
    var target = last || fields.filter(function (f) { return !f.value; })[0];
    if (!target) return;
    target.value = event.latlng.lat.toFixed(4) + ", " + event.latlng.lng.toFixed(4);
    L.marker(event.latlng).addTo(map);
    last = null;
  });
})();
