/* Runs on the content origin, beside the package's code: it starts h5p-standalone and relays
   xAPI statements and the content's height to the lesson page, which alone talks to the API. */
(function () {
  "use strict";
  var options = JSON.parse(document.getElementById("aula-h5p-options").textContent);
  var parentOrigin = options.parentOrigin;

  function tell(message) {
    window.parent.postMessage(message, parentOrigin);
  }

  var container = document.getElementById("h5p-container");

  /* The content's own height: the document's would never be less than the frame's. */
  function reportHeight() {
    tell({ type: "aula:h5p:resize", height: container.getBoundingClientRect().bottom + window.scrollY });
  }

  new H5PStandalone.H5P(container, options.player).then(
    function () {
      H5P.externalDispatcher.on("xAPI", function (event) {
        tell({ type: "aula:h5p:xapi", statement: event.data.statement });
      });
      tell({ type: "aula:h5p:ready" });
      reportHeight();
    },
    function (error) {
      tell({ type: "aula:h5p:error", message: String(error) });
    }
  );
  if (window.ResizeObserver) {
    new ResizeObserver(reportHeight).observe(container);
  }
})();
