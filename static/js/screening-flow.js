// Screening: one fluid page. Without this script the same forms work with full page loads.
(function () {
  "use strict";
  var start = document.getElementById("start-form");
  var region = document.getElementById("questions");
  if (!start || !region || !window.fetch || !window.FormData) return;
  document.documentElement.classList.add("js-enhanced");

  function ready() {
    return start.querySelector("input[name=sector]:checked") && start.querySelector("input[name=subject]:checked");
  }

  function progress() {
    var form = document.getElementById("answers-form");
    var out = document.getElementById("progress");
    if (!form || !out) return;
    var groups = form.querySelectorAll("fieldset.question");
    var answered = 0;
    groups.forEach(function (group) {
      var checked = group.querySelector("input:checked");
      if (checked && checked.value !== "unknown") answered += 1;
    });
    out.hidden = false;
    out.textContent = out.dataset.template
      ? out.dataset.template.replace("%(answered)s", answered).replace("%(total)s", groups.length)
      : answered + " / " + groups.length;
  }

  var latest = 0;
  var timer = null;

  function loadQuestions() {
    if (!ready()) return;
    var params = new URLSearchParams(new FormData(start));
    var url = start.action + "?" + params.toString();
    var ticket = ++latest;  // arrow keys move through the radios: only the last choice counts
    fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        if (ticket !== latest) return;
        region.innerHTML = html;
        history.replaceState(null, "", url);
        bindAnswers();
        var title = document.getElementById("questions-title");
        if (title) { title.setAttribute("tabindex", "-1"); }
      })
      .catch(function () { start.submit(); });
  }

  function bindAnswers() {
    var form = document.getElementById("answers-form");
    if (!form) return;
    form.addEventListener("change", progress);
    progress();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      })
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          var resultUrl = r.headers.get("X-Result-URL");
          return r.text().then(function (html) { return { html: html, url: resultUrl }; });
        })
        .then(function (data) {
          region.innerHTML = data.html;
          if (data.url) history.pushState(null, "", data.url);
          start.hidden = true;
          // The urgent banner, when there is one, is what must be read first.
          var first = region.querySelector(".urgent-banner") || document.getElementById("result-title");
          if (first) {
            first.setAttribute("tabindex", "-1");
            first.focus();
            first.scrollIntoView({ block: "start" });
          }
        })
        .catch(function () { if (button) button.disabled = false; form.submit(); });
    });
  }

  start.addEventListener("change", function (event) {
    var answers = document.getElementById("answers-form");
    if (event.target.name === "country" && answers) {
      // Keep the answers given so far: the country only changes whom to call.
      answers.querySelector("input[name=country]").value = event.target.value;
      return;
    }
    if (event.target.name === "sector" || event.target.name === "subject" || event.target.name === "country") {
      clearTimeout(timer);
      timer = setTimeout(loadQuestions, 250);
    }
  });
  window.addEventListener("popstate", function () { window.location.reload(); });
  bindAnswers();
})();
