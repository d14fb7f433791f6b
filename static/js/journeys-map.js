// Draws the plan's route and support points with Leaflet (our static copy). The list below the map
// carries the same information; without tiles or JavaScript nothing is lost.
(function () {
  "use strict";
  var holder = document.getElementById("plan-map");
  var source = document.getElementById("plan-map-data");
  if (!holder || !source || !window.L) return;
  var data = JSON.parse(source.textContent);
  if (!data.tiles) return;
  var map = L.map(holder, { scrollWheelZoom: false });
  L.tileLayer(data.tiles, { attribution: data.attribution || "", maxZoom: 18 }).addTo(map);
  var route = data.waypoints.map(function (w) { return [w[0], w[1]]; });
  var line = L.polyline(route, { color: "#0b4f6c", weight: 4 }).addTo(map);
  data.waypoints.forEach(function (w) { L.circleMarker([w[0], w[1]], { radius: 7, color: "#083a50", fillOpacity: 1 }).bindTooltip(w[2]).addTo(map); });
  data.points.forEach(function (p) { L.circleMarker([p[0], p[1]], { radius: 6, color: "#1b6e3a", fillOpacity: .8 }).bindPopup(p[2]).addTo(map); });
  map.fitBounds(line.getBounds(), { padding: [20, 20] });
})();
