// Emergency-line short form: Y / N / D answer the current question and move to the next one;
// Enter (outside a text field) shows the result. Tab and arrow keys work as usual without it.
(function () {
  "use strict";
  var start = document.getElementById("emergency-start");
  if (start) {
    // Switching adult / child or the country reloads the short form at once.
    start.addEventListener("change", function () { start.submit(); });
    var change = start.querySelector("button[type=submit]");
    if (change) change.hidden = true;
  }
  var form = document.getElementById("answers-form");
  if (!form) return;
  var hint = document.getElementById("keys-hint");
  if (hint) hint.hidden = false;
  var groups = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));
  // Physical keys (event.code), so the shortcuts work with Cyrillic keyboard layouts too.
  var keys = {
    KeyY: "yes", KeyN: "no", KeyD: "unknown",
    Digit1: "yes", Digit2: "no", Digit3: "unknown", Numpad1: "yes", Numpad2: "no", Numpad3: "unknown",
  };
  var current = 0;

  function focusGroup(index) {
    if (index >= groups.length) {
      var button = form.querySelector("button[type=submit]");
      if (button) button.focus();
      groups.forEach(function (g) { g.classList.remove("current"); });
      current = groups.length;
      return;
    }
    current = Math.max(0, index);
    groups.forEach(function (g, i) { g.classList.toggle("current", i === current); });
    var group = groups[current];
    var input = group.querySelector("input:checked") || group.querySelector("input");
    if (input) input.focus();
  }

  form.addEventListener("focusin", function (event) {
    var group = event.target.closest("fieldset.question");
    if (group) {
      current = groups.indexOf(group);
      groups.forEach(function (g, i) { g.classList.toggle("current", i === current); });
    }
  });

  form.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var value = keys[event.code];
    var group = event.target.closest("fieldset.question");
    if (value && group) {
      var input = group.querySelector('input[value="' + value + '"]');
      if (input) {
        input.checked = true;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
      event.preventDefault();
      focusGroup(groups.indexOf(group) + 1);
    } else if (event.key === "Enter" && group) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });

  focusGroup(0);
})();
