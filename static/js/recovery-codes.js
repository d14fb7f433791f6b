// Recovery codes page: a Print button (the page works without it: download, or the browser's print).
(function () {
  var button = document.getElementById("print-codes");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
})();
