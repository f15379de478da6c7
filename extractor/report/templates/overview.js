(function () {
  "use strict";
  // Sort the releases table by a column, filter it by words and status. Rows are static
  // HTML; sorting re-appends them in one fragment, filtering toggles `hidden`.
  var table = document.getElementById("releases");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var search = rows.map(function (row) { return row.getAttribute("data-s") || ""; });
  var query = document.getElementById("q");
  var status = document.getElementById("status");
  var shown = document.getElementById("shown");
  var timer = 0;

  function cellKey(row, index, numeric) {
    var cell = row.cells[index];
    var value = cell ? (cell.getAttribute("data-v") || cell.textContent.trim()) : "";
    if (numeric) { return value === "" ? -Infinity : Number(value); }
    return value.toLowerCase();
  }

  function sortBy(th) {
    var index = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "num";
    var current = th.getAttribute("aria-sort");
    // Counts sort largest first on the first click; a second click reverses.
    var ascending = current ? current !== "ascending" : th.getAttribute("data-first") !== "desc";
    var keyed = rows.map(function (row, position) {
      return [cellKey(row, index, numeric), position, row];
    });
    keyed.sort(function (a, b) {
      var empty = (a[0] === "") - (b[0] === "");
      if (empty) { return empty; }
      if (a[0] < b[0]) { return ascending ? -1 : 1; }
      if (a[0] > b[0]) { return ascending ? 1 : -1; }
      return a[1] - b[1];
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (item) { fragment.appendChild(item[2]); });
    body.appendChild(fragment);
    rows = keyed.map(function (item) { return item[2]; });
    search = rows.map(function (row) { return row.getAttribute("data-s") || ""; });
    table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function applyFilter() {
    var words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = status.value;
    var count = 0;
    rows.forEach(function (row, position) {
      var text = search[position];
      var keep = words.every(function (word) { return text.indexOf(word) !== -1; });
      if (keep && wanted) {
        keep = wanted === "warnings" ? row.hasAttribute("data-w") : row.getAttribute("data-st") === wanted;
      }
      if (row.hidden === keep) { row.hidden = !keep; }
      if (keep) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " shown";
  }

  table.querySelector("thead").addEventListener("click", function (event) {
    var th = event.target instanceof Element ? event.target.closest("th[data-type]") : null;
    if (th) { sortBy(th); }
  });
  query.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(applyFilter, 120);
  });
  status.addEventListener("change", applyFilter);
  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("button[data-q]") : null;
    if (!button) { return; }
    query.value = button.getAttribute("data-q");
    status.value = "";
    applyFilter();
    document.getElementById("table").scrollIntoView();
  });
})();
