/* h5p-standalone writes the content's frame without a <title>: give it the activity's, which the
   player page (same origin) carries, so that screen readers can name the frame. */
(function () {
  "use strict";
  if (!document.title) {
    try {
      document.title = window.parent.document.title;
    } catch (error) {
      /* not inside our player */
    }
  }
})();
