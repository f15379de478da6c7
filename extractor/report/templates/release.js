(function () {
  "use strict";
  // Hover, focus or tap a mention or a record entry: light up every mention of the same
  // entity; a quote also lights its speaker, a person or organisation also their quotes.
  // A click pins the highlight until the next click.
  var lit = [];
  var pinned = null;

  function clear() {
    lit.forEach(function (node) { node.classList.remove("lit"); });
    lit = [];
  }

  function keysOf(el) {
    var key = el.getAttribute("data-k");
    var keys = [key];
    var speaker = el.getAttribute("data-s");
    if (speaker) {
      keys.push(speaker);
    } else {
      document.querySelectorAll("[data-s]").forEach(function (quote) {
        if (quote.getAttribute("data-s") === key) { keys.push(quote.getAttribute("data-k")); }
      });
    }
    return keys;
  }

  function light(el) {
    clear();
    keysOf(el).forEach(function (key) {
      if (!key) { return; }
      document.querySelectorAll('[data-k="' + CSS.escape(key) + '"]').forEach(function (node) {
        node.classList.add("lit");
        lit.push(node);
      });
    });
  }

  function entityAt(event) {
    return event.target instanceof Element ? event.target.closest("[data-k]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    if (pinned) { return; }
    var el = entityAt(event);
    if (el) { light(el); } else { clear(); }
  });
  document.addEventListener("focusin", function (event) {
    var el = entityAt(event);
    if (el && !pinned) { light(el); }
  });
  document.addEventListener("click", function (event) {
    var el = entityAt(event);
    if (!el || pinned === el) {
      pinned = null;
      clear();
      return;
    }
    pinned = el;
    light(el);
  });
})();
