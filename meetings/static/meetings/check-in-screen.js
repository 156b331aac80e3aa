// The check-in code changes every minute: show the new one as soon as it does. Without
// JavaScript the page keeps a link to do the same by hand.
(function () {
  var figure = document.querySelector("[data-refresh]");
  if (!figure) return;
  var seconds = parseInt(figure.getAttribute("data-refresh"), 10) || 60;
  window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
})();
