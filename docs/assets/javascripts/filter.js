// Progressive enhancement for lists marked [data-pz-filter]: the full list is in the HTML,
// so without JavaScript everything shows; with it, the hidden filter form appears.
(function () {
  "use strict";

  function matches(item, facet, wanted) {
    if (!wanted) return true;
    var values = (item.getAttribute("data-" + facet) || "").split(" ");
    return values.indexOf(wanted) !== -1;
  }

  function apply(container) {
    var selects = container.querySelectorAll("[data-pz-facet]");
    var items = container.querySelectorAll("[data-pz-group] li[data-" + selects[0].getAttribute("data-pz-facet") + "]");
    var shown = 0;
    items.forEach(function (item) {
      var visible = Array.prototype.every.call(selects, function (select) {
        return matches(item, select.getAttribute("data-pz-facet"), select.value);
      });
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    container.querySelectorAll("[data-pz-group]").forEach(function (group) {
      group.hidden = !group.querySelector("li:not([hidden])");
    });
    var noun = container.getAttribute("data-pz-noun") || "items";
    container.querySelector("[data-pz-status]").textContent =
      shown === items.length ? items.length + " " + noun : shown + " van " + items.length + " " + noun;
  }

  function enhance(container) {
    var form = container.querySelector("form");
    form.hidden = false;
    form.addEventListener("change", function () { apply(container); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-pz-filter]").forEach(enhance);
  });
})();
