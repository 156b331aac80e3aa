// Keeps an assignment's draft text as the learner writes: two seconds after they stop typing,
// and when they leave the page, the text goes to the API (PUT …/draft/), and a status line says
// when it was saved or why not. Without JavaScript, "Save the draft" does the same by hand.
(function () {
  if (window.aulaAutosave) return;
  window.aulaAutosave = true;
  var WAIT = 2000;

  function watch(area) {
    var status = document.getElementById(area.getAttribute("data-autosave-status"));
    var form = area.form;
    var token = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    var saved = area.value;
    var timer = null;
    var sending = false;

    function say(text) {
      if (status) status.textContent = text;
    }

    function save(leaving) {
      timer = null;
      var text = area.value;
      // One save at a time while writing (the next follows the answer); leaving sends anyway.
      if (text === saved || (sending && !leaving)) return;
      sending = !leaving;
      fetch(area.getAttribute("data-autosave"), {
        method: "PUT",
        credentials: "same-origin",
        keepalive: !!leaving,
        headers: {
          "Content-Type": "application/json",
          "Accept": "application/json",
          "X-CSRFToken": token ? token.value : ""
        },
        body: JSON.stringify({ text: text })
      }).then(function (response) {
        sending = false;
        if (response.ok) {
          saved = text;
          var time = new Date().toLocaleTimeString(document.documentElement.lang || undefined,
            { hour: "2-digit", minute: "2-digit" });
          say(area.getAttribute("data-saved").replace("%(time)s", time));
          if (area.value !== saved) schedule();
          return null;
        }
        return response.json().then(function (body) {
          say(area.getAttribute("data-failed") + " " + (body && body.detail ? body.detail : ""));
        });
      }).catch(function () {
        sending = false;
        say(area.getAttribute("data-offline"));
      });
    }

    function schedule() {
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(function () { save(false); }, WAIT);
    }

    area.addEventListener("input", schedule);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") save(true);
    });
    if (form) form.addEventListener("submit", function () {
      if (timer) window.clearTimeout(timer);
    });
  }

  document.querySelectorAll("textarea[data-autosave]").forEach(watch);
})();
