// "Use my location" on the directory search: only where the browser offers geolocation, and only
// when the person presses the button (the browser then asks for permission). The position is
// rounded to two decimals (about 1 km) before it leaves the phone; without JavaScript the
// "Near a place" field does the same job by name.
(function () {
  "use strict";
  var box = document.getElementById("near-me");
  var form = document.getElementById("directory-search");
  if (!box || !form || !("geolocation" in navigator)) {
    return;
  }
  var button = document.getElementById("near-me-button");
  var status = document.getElementById("near-me-status");
  box.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = box.dataset.busy;
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        form.elements.lat.value = position.coords.latitude.toFixed(2);
        form.elements.lon.value = position.coords.longitude.toFixed(2);
        form.elements.near.value = "";
        form.submit();
      },
      function () {
        status.textContent = box.dataset.error;
        button.disabled = false;
        form.elements.near.focus();
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
    );
  });
  // A new place name typed by hand wins over an earlier position.
  form.elements.near.addEventListener("input", function () {
    form.elements.lat.value = "";
    form.elements.lon.value = "";
  });
})();
