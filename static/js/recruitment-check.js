// Check a job offer: after a check, move focus to the result so screen readers announce it.
// The page works the same without this script.
(function () {
  "use strict";
  var result = document.getElementById("result");
  if (result) {
    result.focus();
  }
})();
