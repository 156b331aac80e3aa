/* The lesson page's side of H5P activities.
 *
 * Activities play in sandboxed iframes on the content origin and send their xAPI statements
 * here by postMessage. Only messages from that origin and from one of this page's players are
 * taken. Each statement gets a UUID, is bound to its player's activity, and waits in a queue
 * kept in localStorage until the server acknowledges it: a dropped connection or a closed tab
 * loses nothing, and a retry is counted once because the id stays the same.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var contentOrigin = script.dataset.contentOrigin;
  var endpoint = script.dataset.endpoint;
  var queueKey = script.dataset.queue;
  var MAX_HEIGHT = 4000;
  var sending = false;
  var delay = 1000;
  var retryTimer = null;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe.h5p-frame"));
  }

  function load() {
    try {
      return JSON.parse(window.localStorage.getItem(queueKey) || "[]");
    } catch (error) {
      return [];
    }
  }

  var queue = load();

  function save() {
    try {
      window.localStorage.setItem(queueKey, JSON.stringify(queue));
    } catch (error) {
      /* private mode or a full store: the queue lives in memory for this page */
    }
  }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b + 0x100).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function csrfToken() {
    if (script.dataset.csrf) {
      return script.dataset.csrf;
    }
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  /* The object is the activity of the iframe it came from, whatever the package says;
     sub-questions keep their subContentId so the server can tell them apart. */
  function bind(statement, frame) {
    var iri = frame.dataset.activityIri;
    var object = statement.object && typeof statement.object === "object" ? statement.object : {};
    var id = typeof object.id === "string" ? object.id : "";
    var sub = id.match(/[?&]subContentId=([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:&|$)/);
    object.id = iri + (sub ? "?subContentId=" + sub[1] : "");
    object.objectType = "Activity";
    statement.object = object;
    statement.id = uuid();
    delete statement.actor;
    return statement;
  }

  function scheduleRetry() {
    if (retryTimer) {
      return;
    }
    retryTimer = window.setTimeout(function () {
      retryTimer = null;
      flush();
    }, delay);
    delay = Math.min(delay * 2, 30000);
  }

  function settled(statement, finished) {
    queue = queue.filter(function (item) {
      return item.id !== statement.id;
    });
    save();
    if (finished) {
      refreshStatus();
    }
  }

  function flush() {
    if (sending || !queue.length) {
      return;
    }
    sending = true;
    var statement = queue[0];
    fetch(endpoint, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(statement),
    })
      .then(function (response) {
        sending = false;
        if (response.ok) {
          delay = 1000;
          settled(statement, true);
          flush();
        } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          /* Refused for good (not enrolled, malformed): retrying would not change the answer. */
          settled(statement, false);
          flush();
        } else {
          scheduleRetry();
        }
      })
      .catch(function () {
        sending = false;
        scheduleRetry();
      });
  }

  /* The lesson's progress, as the server now sees it. */
  function refreshStatus() {
    var target = document.getElementById("lesson-status");
    if (!target) {
      return;
    }
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("lesson-status");
        if (fresh) {
          target.innerHTML = fresh.innerHTML;
          document.dispatchEvent(new CustomEvent("aula:progress"));
        }
      })
      .catch(function () {});
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== contentOrigin) {
      return;
    }
    var frame = frames().filter(function (candidate) {
      return candidate.contentWindow === event.source;
    })[0];
    var data = event.data;
    if (!frame || !data || typeof data !== "object") {
      return;
    }
    if (data.type === "aula:h5p:resize" && typeof data.height === "number") {
      frame.style.height = Math.max(80, Math.min(MAX_HEIGHT, Math.ceil(data.height))) + "px";
    } else if (data.type === "aula:h5p:xapi" && data.statement && typeof data.statement === "object") {
      queue.push(bind(data.statement, frame));
      save();
      flush();
    }
  });

  window.addEventListener("online", flush);
  window.aulaXapiQueue = {
    pending: function () {
      return queue.length;
    },
    flush: flush,
  };
  flush();
})();
