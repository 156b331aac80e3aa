/* The player plays on a site of its own inside the lesson, where browsers that block
   third-party storage deny localStorage and H5P's code would throw on every use. There, keep
   what it stores in memory for the page's life: the learner's state is saved on the server. */
(function () {
  "use strict";
  try {
    window.localStorage.getItem("aula");
    return;
  } catch (error) {
    /* denied: fall through to the in-memory store */
  }
  var items = {};
  var memory = {
    getItem: function (key) {
      return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null;
    },
    setItem: function (key, value) {
      items[key] = String(value);
    },
    removeItem: function (key) {
      delete items[key];
    },
    clear: function () {
      items = {};
    },
    key: function (index) {
      return Object.keys(items)[index] || null;
    },
    get length() {
      return Object.keys(items).length;
    },
  };
  try {
    Object.defineProperty(window, "localStorage", { value: memory, configurable: true });
  } catch (error) {
    /* a browser that will not let it be replaced keeps its own behaviour */
  }
})();
