// Keyboard access for the parts of Material that only a pointer can use: the header's menu and
// search buttons are <label>s for hidden checkboxes, wide tables scroll without ever taking focus,
// and focus can get lost around the search overlay. Material works without this script; it only
// adds keyboard operation.
(function () {
  "use strict";

  // What a screen reader announces for each header toggle, by the id of its checkbox.
  var BUTTON_NAMES = { __drawer: "Menu", __search: "Zoeken" };
  // Material unlocks scrolling 100 ms after search closes; this runs just after that.
  var SCROLL_UNLOCK_DELAY_MS = 150;

  var FOCUSABLE = "a[href], button, input:not([type=checkbox]), select, textarea, summary, [tabindex]";

  function asButton(label) {
    var toggle = document.getElementById(label.htmlFor);
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", BUTTON_NAMES[toggle.id]);
    label.setAttribute("aria-expanded", String(toggle.checked));
    toggle.addEventListener("change", function () {
      label.setAttribute("aria-expanded", String(toggle.checked));
    });
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      toggle.click();
    });
  }

  function shownFocusables(container) {
    return Array.prototype.filter.call(container.querySelectorAll(FOCUSABLE), function (element) {
      return element.getClientRects().length > 0 && element.tabIndex >= 0;
    });
  }

  // The drawer slides over the page, so focus moves into it on opening and back on closing. While
  // it is open, Tab and Shift+Tab go round its items: past either end, focus would land on the
  // page under it (or on the search field, which would open beneath it).
  function manageDrawer(button) {
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    drawer.addEventListener("change", function () {
      var target = drawer.checked ? shownFocusables(sidebar)[0] : button;
      if (target) target.focus();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) drawer.click();
      if (event.key !== "Tab" || !drawer.checked) return;
      var items = shownFocusables(sidebar);
      if (!items.length) return;
      var first = items[0];
      var last = items[items.length - 1];
      var inside = sidebar.contains(document.activeElement);
      if (event.shiftKey && (!inside || document.activeElement === first)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
        event.preventDefault();
        first.focus();
      }
    });
  }

  // Material keeps its search results scroller in the tab order even with nothing in it; with an
  // empty query, leaving the search field closes search, so Tab would land on an invisible box.
  // Without a query there is nothing to scroll, so the scroller is marked empty (see theme.css).
  // With a query, Material still closes search on Tab, leaving focus on the hidden results: here
  // Tab moves into the results instead, and search closes once focus leaves it altogether.
  function manageSearchResults() {
    var query = document.querySelector(".md-search__input");
    var results = document.querySelector(".md-search__scrollwrap");
    var search = document.querySelector(".md-search");
    var toggle = document.getElementById("__search");
    if (!query || !results || !search || !toggle) return;
    // Shift+Tab from the page must not land on the results of a search that has closed either.
    var update = function () {
      results.tabIndex = query.value && toggle.checked ? 0 : -1;
      results.toggleAttribute("data-pz-empty", !query.value);
    };
    query.addEventListener("input", update);
    toggle.addEventListener("change", update);
    update();
    query.addEventListener("keydown", function (event) {
      // Material listens on the document; stopping here leaves Tab to the browser.
      if (event.key === "Tab" && !event.shiftKey && query.value && toggle.checked) event.stopPropagation();
    });
    search.addEventListener("focusout", function (event) {
      if (toggle.checked && event.relatedTarget && !search.contains(event.relatedTarget)) toggle.click();
    });
  }

  // On a narrow screen Material locks the page's scrolling while search is open, and unlocks it
  // 100 ms after search closes by restoring the old position. An element that took focus in the
  // meantime (Tab out of search closes it) would stay out of sight, so it is brought into view.
  function revealFocusAfterSearch() {
    var toggle = document.getElementById("__search");
    if (!toggle) return;
    toggle.addEventListener("change", function () {
      if (toggle.checked) return;
      window.setTimeout(function () {
        var focused = document.activeElement;
        if (focused && focused !== document.body) focused.scrollIntoView({ block: "nearest" });
      }, SCROLL_UNLOCK_DELAY_MS);
    });
  }

  // A table wider than the screen scrolls sideways; keyboard users can only scroll what has focus.
  function makeScrollable(wrapper) {
    if (wrapper.scrollWidth > wrapper.clientWidth) {
      var caption = wrapper.querySelector("caption");
      wrapper.setAttribute("tabindex", "0");
      wrapper.setAttribute("role", "region");
      wrapper.setAttribute("aria-label", caption ? caption.textContent : "Tabel");
    } else {
      wrapper.removeAttribute("tabindex");
      wrapper.removeAttribute("role");
      wrapper.removeAttribute("aria-label");
    }
  }

  function enhance() {
    document.querySelectorAll("label.md-header__button[for]").forEach(asButton);
    var menuButton = document.querySelector("label.md-header__button[for=__drawer]");
    if (menuButton) manageDrawer(menuButton);
    manageSearchResults();
    revealFocusAfterSearch();
    var wrappers = document.querySelectorAll(".md-typeset__scrollwrap");
    wrappers.forEach(makeScrollable);
    window.addEventListener("resize", function () { wrappers.forEach(makeScrollable); });
  }

  // Material wraps tables in its own document$ handler; subscribing after it sees the result.
  if (typeof document$ !== "undefined") {
    document$.subscribe(enhance);
  } else {
    document.addEventListener("DOMContentLoaded", enhance);
  }
})();
