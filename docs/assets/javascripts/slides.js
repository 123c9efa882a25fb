// Presentation mode for slide decks ([data-pz-deck]). Without JavaScript a deck is a list of
// slides that prints one per page; this script adds a button that shows one slide at a time,
// full screen where the browser allows, paged by keyboard or by the on-screen buttons.
(function () {
  "use strict";

  // Up and Down are left alone: they scroll a slide too long for a small screen.
  var NEXT_KEYS = ["ArrowRight", "PageDown", " "];
  var PREVIOUS_KEYS = ["ArrowLeft", "PageUp"];
  // A live region that appears and changes in the same moment is not read out; wait a little.
  var ANNOUNCE_DELAY_MS = 100;

  // Everything outside the deck is made inert while presenting, so Tab stays on the slides.
  function outside(element) {
    var others = [];
    for (var node = element; node.parentElement && node !== document.body; node = node.parentElement) {
      Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
        if (sibling !== node && !sibling.inert) others.push(sibling);
      });
    }
    return others;
  }

  function enhance(deck) {
    var slides = deck.querySelectorAll(".pz-slide");
    var startButton = deck.querySelector("[data-pz-present]");
    var controls = deck.querySelector(".pz-deck__controls");
    var status = deck.querySelector("[data-pz-deck-status]");
    var current = 0;
    var inert = [];
    var ownsFullscreen = false;

    function announce() {
      status.textContent = "Dia " + (current + 1) + " van " + slides.length + ": " +
        slides[current].querySelector("h2").textContent;
    }

    function turnTo(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      slides.forEach(function (slide, position) { slide.hidden = position !== current; });
      // Focus on the slide just hidden (or a link in it) would fall back to the page body.
      if (!deck.contains(document.activeElement) || document.activeElement.closest("[hidden]")) {
        slides[current].focus({ preventScroll: true });
      }
    }

    function show(index) {
      turnTo(index);
      announce();
    }

    function presenting() {
      return deck.classList.contains("pz-deck--presenting");
    }

    // While presenting, the slide on screen holds focus: a slide too long for a small screen
    // scrolls, and a scrolling area must be reachable and scrollable by keyboard.
    function setSlidesFocusable(focusable) {
      slides.forEach(function (slide) {
        if (focusable) slide.setAttribute("tabindex", "0");
        else slide.removeAttribute("tabindex");
      });
    }

    function present() {
      deck.classList.add("pz-deck--presenting");
      document.documentElement.classList.add("pz-presenting");
      inert = outside(deck);
      inert.forEach(function (element) { element.inert = true; });
      startButton.parentElement.hidden = true;
      controls.hidden = false;
      setSlidesFocusable(true);
      turnTo(0);
      window.setTimeout(announce, ANNOUNCE_DELAY_MS);
      if (!deck.requestFullscreen) return;
      deck.requestFullscreen().then(function () { ownsFullscreen = true; },
                                    function () { /* presenting in the window */ });
    }

    function stop() {
      if (!presenting()) return;
      deck.classList.remove("pz-deck--presenting");
      document.documentElement.classList.remove("pz-presenting");
      inert.forEach(function (element) { element.inert = false; });
      inert = [];
      slides.forEach(function (slide) { slide.hidden = false; });
      setSlidesFocusable(false);
      controls.hidden = true;
      status.textContent = "";
      startButton.parentElement.hidden = false;
      if (ownsFullscreen && document.fullscreenElement === deck) {
        document.exitFullscreen().catch(function () { /* already left */ });
      }
      ownsFullscreen = false;
      startButton.focus();
    }

    startButton.parentElement.hidden = false;
    startButton.addEventListener("click", present);
    deck.querySelector("[data-pz-previous]").addEventListener("click", function () { show(current - 1); });
    deck.querySelector("[data-pz-next]").addEventListener("click", function () { show(current + 1); });
    deck.querySelector("[data-pz-stop]").addEventListener("click", stop);
    // Leaving full screen (the browser's own Escape) ends the presentation too, but only the
    // full screen this presentation entered: a late event from an earlier one must not end it.
    document.addEventListener("fullscreenchange", function () {
      if (ownsFullscreen && document.fullscreenElement !== deck) stop();
    });
    document.addEventListener("keydown", function (event) {
      if (!presenting() || event.altKey || event.ctrlKey || event.metaKey) return;
      // Space and Enter on a focused button press that button; they must not also turn the page.
      if (event.target.tagName === "BUTTON" && (event.key === " " || event.key === "Enter")) return;
      if (NEXT_KEYS.indexOf(event.key) !== -1) show(current + 1);
      else if (PREVIOUS_KEYS.indexOf(event.key) !== -1) show(current - 1);
      else if (event.key === "Home") show(0);
      else if (event.key === "End") show(slides.length - 1);
      else if (event.key === "Escape") stop();
      else return;
      event.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-pz-deck]").forEach(enhance);
  });
})();
