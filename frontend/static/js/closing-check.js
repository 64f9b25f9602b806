// The 47-open-weeks check of a closing period while it is typed: asks the server (the one rule) and shows
// its answer under the form. The form works without it; the server checks again when it is sent.
(function () {
  "use strict";

  function show(box, lines, bad) {
    box.replaceChildren();
    lines.forEach(function (text) {
      var p = document.createElement("p");
      p.textContent = text;
      box.appendChild(p);
    });
    box.classList.toggle("closing-check--bad", bad);
    box.classList.toggle("closing-check--ok", !bad && lines.length > 0);
  }

  function messagesOf(errors) {
    var lines = [];
    Object.keys(errors || {}).forEach(function (field) {
      (errors[field] || []).forEach(function (text) { lines.push(text); });
    });
    return lines;
  }

  function attach(form) {
    var url = form.getAttribute("data-closing-check");
    var box = form.querySelector("[data-closing-check-result]");
    var start = form.querySelector("input[name=start_date]");
    var end = form.querySelector("input[name=end_date]");
    if (!url || !box || !start || !end) {
      return;
    }
    var asked = 0;

    function check() {
      if (!start.value) {
        show(box, [], false);
        return;
      }
      var last = end.value || start.value;
      var mine = ++asked;
      var query = "?start_date=" + encodeURIComponent(start.value) + "&end_date=" + encodeURIComponent(last);
      fetch(url + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json().then(function (body) { return { status: response.status, body: body }; });
        })
        .then(function (answer) {
          if (mine !== asked) {
            return;
          }
          if (answer.status !== 200) {
            show(box, messagesOf(answer.body), true);
            return;
          }
          var lines = answer.body.years.map(function (year) { return year.message; });
          show(box, lines.concat(messagesOf(answer.body.errors)), !answer.body.ok);
        })
        .catch(function () { show(box, [], false); });
    }

    start.addEventListener("input", check);
    end.addEventListener("input", check);
    start.addEventListener("change", check);
    end.addEventListener("change", check);
    if (start.value) {
      check();
    }
  }

  function init() {
    document.querySelectorAll("form[data-closing-check]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
