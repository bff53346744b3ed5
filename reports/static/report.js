// Answer-browser filters: show the items whose data-* attributes match every chosen value.
document.querySelectorAll("[data-browser]").forEach(function (root) {
  var selects = root.querySelectorAll("select[data-filter]");
  var items = root.querySelectorAll("article.item");
  var count = root.querySelector("[data-count]");
  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      var ok = Array.prototype.every.call(selects, function (s) {
        return !s.value || item.dataset[s.dataset.filter] === s.value;
      });
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = shown + " of " + items.length + " shown"; }
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  apply();
});
