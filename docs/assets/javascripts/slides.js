// Presentation mode for slide decks ([data-pz-deck]). Without JavaScript a deck is a list of
// slides with the trainer's notes that prints one slide per page; this script adds
// - the presentation mode: one slide at a time, full screen where the browser allows, paged by
//   keyboard or by the on-screen buttons, notes hidden;
// - the presenter view: the same page opened with #presentator in a second window, showing the
//   current slide with its notes, the next slide and the time;
// - countdowns on slides with data-minutes (exercises, breaks);
// - a form that writes the trainer, host municipality and date onto the title slide.
// All windows showing one deck stay in step over a BroadcastChannel named after the deck.
(function () {
  "use strict";

  // Up and Down are left alone: they scroll a slide too long for a small screen.
  var NEXT_KEYS = ["ArrowRight", "PageDown", " "];
  var PREVIOUS_KEYS = ["ArrowLeft", "PageUp"];
  // A live region that appears and changes in the same moment is not read out; wait a little.
  var ANNOUNCE_DELAY_MS = 100;
  // Often enough that a clock showing seconds never skips one.
  var TICK_MS = 250;
  var PRESENTER_HASH = "#presentator";
  // Countdowns are announced when they start, pause, are reset, have a minute left and run out.
  var LAST_MINUTE_MS = 60000;
  var TIME_UP = "Tijd is om";

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

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // 15:00 for a countdown; the clocks of a whole training show hours too: 1:05:00.
  function minutesAndSeconds(ms) {
    var seconds = Math.ceil(Math.max(0, ms) / 1000);
    return Math.floor(seconds / 60) + ":" + twoDigits(seconds % 60);
  }

  function hoursMinutesSeconds(ms) {
    var seconds = Math.floor(Math.max(0, ms) / 1000);
    return Math.floor(seconds / 3600) + ":" + twoDigits(Math.floor(seconds / 60) % 60) + ":" +
      twoDigits(seconds % 60);
  }

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  // A countdown's state is shared between windows as plain data: the time left when it last
  // stopped or started, and since when (Date.now()) it has been running, or null.
  function Countdown(slide, index, deck) {
    this.index = index;
    this.total = Number(slide.getAttribute("data-minutes")) * 60000;
    this.left = this.total;
    this.since = null;
    this.element = slide.querySelector("[data-pz-countdown]");
    this.time = this.element.querySelector("[data-pz-countdown-time]");
    this.toggle = this.element.querySelector("[data-pz-countdown-toggle]");
    this.deck = deck;
    this.warned = false;
    this.element.hidden = false;
    this.render();
  }

  Countdown.prototype.remaining = function () {
    return this.since === null ? this.left : this.left - (Date.now() - this.since);
  };

  Countdown.prototype.state = function () {
    return { left: this.left, since: this.since };
  };

  Countdown.prototype.adopt = function (state) {
    this.left = state.left;
    this.since = state.since;
    this.warned = this.remaining() <= LAST_MINUTE_MS;
    this.render();
  };

  Countdown.prototype.start = function () {
    if (this.remaining() <= 0) this.left = this.total;
    this.since = Date.now();
    this.warned = this.remaining() <= LAST_MINUTE_MS;
    this.deck.countdownChanged(this, "Timer loopt: " + minutesAndSeconds(this.remaining()));
  };

  Countdown.prototype.pause = function () {
    this.left = this.remaining();
    this.since = null;
    this.deck.countdownChanged(this, "Timer gepauzeerd op " + minutesAndSeconds(this.left));
  };

  Countdown.prototype.reset = function () {
    this.left = this.total;
    this.since = null;
    this.warned = false;
    this.deck.countdownChanged(this, "Timer staat weer op " + minutesAndSeconds(this.left));
  };

  // Called on every tick: redraws, and says so when a minute is left or the time is up.
  Countdown.prototype.render = function () {
    var left = this.remaining();
    var running = this.since !== null;
    if (running && left <= 0) {
      this.left = 0;
      this.since = null;
      running = false;
      this.deck.announceFor(this, TIME_UP);
    } else if (running && left <= LAST_MINUTE_MS && !this.warned) {
      this.warned = true;
      this.deck.announceFor(this, "Nog een minuut");
    }
    var done = !running && this.left <= 0;
    setText(this.time, done ? TIME_UP : minutesAndSeconds(left));
    this.element.classList.toggle("pz-countdown--done", done);
    setText(this.toggle, running ? "Pauze" : "Start");
  };

  function enhance(deck) {
    var slides = Array.prototype.slice.call(deck.querySelectorAll(".pz-slide"));
    var start = deck.querySelector(".pz-deck__start");
    var startButton = deck.querySelector("[data-pz-present]");
    var controls = deck.querySelector(".pz-deck__controls");
    var status = deck.querySelector("[data-pz-deck-status]");
    var presenter = deck.querySelector("[data-pz-presenter]");
    var nextSlide = deck.querySelector("[data-pz-next-slide]");
    var elapsed = deck.querySelector("[data-pz-elapsed]");
    var remaining = deck.querySelector("[data-pz-remaining]");
    var fields = Array.prototype.slice.call(deck.querySelectorAll("[data-pz-title-field]"));
    var fieldValues = deck.querySelectorAll("[data-pz-title-value]");
    var blank = fieldValues[0].textContent;
    var durationMs = Number(deck.getAttribute("data-minutes")) * 60000;
    var channelName = "projectz-dias-" + deck.getAttribute("data-pz-deck");
    var channel = "BroadcastChannel" in window ? new BroadcastChannel(channelName) : null;
    var current = 0;
    var mode = null; // null on the plain page, "audience" or "presenter"
    var startedAt = null; // Date.now() when the training started, shared by all windows
    var inert = [];
    var ownsFullscreen = false;
    var countdowns = [];

    // What a countdown needs from its deck.
    var owner = {
      countdownChanged: function (countdown, message) {
        countdown.render();
        send({ type: "countdown", index: countdown.index, state: countdown.state() });
        owner.announceFor(countdown, message);
      },
      // Only a countdown on screen is worth interrupting for.
      announceFor: function (countdown, message) {
        if (mode && countdown.index === current) status.textContent = message;
      },
    };
    slides.forEach(function (slide, index) {
      if (slide.hasAttribute("data-minutes")) countdowns[index] = new Countdown(slide, index, owner);
    });

    function send(message) {
      if (channel) channel.postMessage(message);
    }

    function announce() {
      status.textContent = "Dia " + (current + 1) + " van " + slides.length + ": " +
        slides[current].querySelector("h2").textContent;
    }

    // The next slide as the presenter sees it: a copy without ids (they would repeat the
    // original's) and without its countdown, which only the slide itself runs.
    function showNextSlide() {
      var next = slides[current + 1];
      nextSlide.textContent = "";
      if (!next) {
        var end = document.createElement("p");
        end.textContent = "Dit is de laatste dia.";
        nextSlide.appendChild(end);
        return;
      }
      var copy = next.querySelector(".pz-slide__screen").cloneNode(true);
      copy.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
      copy.querySelectorAll("[data-pz-countdown]").forEach(function (element) { element.remove(); });
      copy.querySelectorAll("a").forEach(function (link) { link.setAttribute("tabindex", "-1"); });
      nextSlide.appendChild(copy);
    }

    function turnTo(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      if (!mode) return;
      slides.forEach(function (slide, position) { slide.hidden = position !== current; });
      if (mode === "presenter") showNextSlide();
      // Focus on the slide just hidden (or a link in it) would fall back to the page body.
      if (!deck.contains(document.activeElement) || document.activeElement.closest("[hidden]")) {
        slides[current].focus({ preventScroll: true });
      }
    }

    function show(index) {
      turnTo(index);
      announce();
      send({ type: "slide", index: current });
    }

    // While presenting, the slide on screen holds focus: a slide too long for a small screen
    // scrolls, and a scrolling area must be reachable and scrollable by keyboard.
    function setSlidesFocusable(focusable) {
      slides.forEach(function (slide) {
        if (focusable) slide.setAttribute("tabindex", "0");
        else slide.removeAttribute("tabindex");
      });
    }

    function tick() {
      countdowns.forEach(function (countdown) { if (countdown) countdown.render(); });
      if (mode !== "presenter") return;
      var spent = startedAt === null ? 0 : Date.now() - startedAt;
      setText(elapsed, hoursMinutesSeconds(spent));
      setText(remaining, hoursMinutesSeconds(durationMs - spent));
    }

    // The training started when the first window started presenting; the reset button restarts it.
    function startClock(at) {
      if (startedAt === null || at < startedAt) startedAt = at;
    }

    function enter(newMode) {
      mode = newMode;
      deck.classList.add("pz-deck--presenting");
      deck.classList.toggle("pz-deck--presenter", mode === "presenter");
      document.documentElement.classList.add("pz-presenting");
      inert = outside(deck);
      inert.forEach(function (element) { element.inert = true; });
      start.hidden = true;
      controls.hidden = false;
      presenter.hidden = mode !== "presenter";
      setSlidesFocusable(true);
      startClock(Date.now());
      send({ type: "started", at: startedAt });
      turnTo(current);
      tick();
      window.setTimeout(announce, ANNOUNCE_DELAY_MS);
    }

    function present() {
      enter("audience");
      if (!deck.requestFullscreen) return;
      deck.requestFullscreen().then(function () { ownsFullscreen = true; },
                                    function () { /* presenting in the window */ });
    }

    function stop() {
      if (!mode) return;
      mode = null;
      deck.classList.remove("pz-deck--presenting", "pz-deck--presenter");
      document.documentElement.classList.remove("pz-presenting");
      inert.forEach(function (element) { element.inert = false; });
      inert = [];
      slides.forEach(function (slide) { slide.hidden = false; });
      setSlidesFocusable(false);
      controls.hidden = true;
      presenter.hidden = true;
      status.textContent = "";
      start.hidden = false;
      if (ownsFullscreen && document.fullscreenElement === deck) {
        document.exitFullscreen().catch(function () { /* already left */ });
      }
      ownsFullscreen = false;
      startButton.focus();
    }

    function fillTitleSlide(values) {
      values.forEach(function (value, position) {
        fieldValues[position].textContent = value.trim() || blank;
      });
    }

    function titleValues() {
      return fields.map(function (field) { return field.value; });
    }

    // What a window that has just opened needs to catch up. Which slide is on screen only counts
    // in a window that presents; the plain page has none.
    function state() {
      return {
        type: "state", index: mode ? current : null, startedAt: startedAt, fields: titleValues(),
        countdowns: countdowns.map(function (countdown) { return countdown ? countdown.state() : null; }),
      };
    }

    function receive(message) {
      if (message.type === "hello") {
        send(state());
        return;
      }
      if ((message.type === "slide" || message.type === "state") && message.index !== null) {
        var moved = message.index !== current;
        turnTo(message.index);
        if (mode && moved) announce();
      }
      if (message.type === "countdown") countdowns[message.index].adopt(message.state);
      if (message.type === "started") startClock(message.at);
      if (message.type === "state" && message.startedAt !== null) startClock(message.startedAt);
      if (message.type === "clock") startedAt = message.startedAt;
      if (message.type === "fields" || message.type === "state") {
        fields.forEach(function (field, position) { field.value = message.fields[position]; });
        fillTitleSlide(message.fields);
      }
      if (message.type === "state") {
        message.countdowns.forEach(function (countdownState, index) {
          if (countdownState) countdowns[index].adopt(countdownState);
        });
      }
      tick();
    }

    start.hidden = false;
    startButton.addEventListener("click", present);
    deck.querySelector("[data-pz-open-presenter]").addEventListener("click", function () {
      var url = window.location.href.split("#")[0] + PRESENTER_HASH;
      window.open(url, "projectz-presentator-" + deck.getAttribute("data-pz-deck"));
    });
    deck.querySelector("[data-pz-previous]").addEventListener("click", function () { show(current - 1); });
    deck.querySelector("[data-pz-next]").addEventListener("click", function () { show(current + 1); });
    deck.querySelector("[data-pz-stop]").addEventListener("click", stop);
    deck.querySelector("[data-pz-clock-reset]").addEventListener("click", function () {
      startedAt = Date.now();
      send({ type: "clock", startedAt: startedAt });
      tick();
      status.textContent = "De klok staat op nul";
    });
    countdowns.forEach(function (countdown) {
      if (!countdown) return;
      countdown.toggle.addEventListener("click", function () {
        if (countdown.since === null) countdown.start();
        else countdown.pause();
      });
      countdown.element.querySelector("[data-pz-countdown-reset]").addEventListener("click", function () {
        countdown.reset();
      });
    });
    deck.querySelector("[data-pz-title-fields]").addEventListener("submit", function (event) {
      event.preventDefault();
    });
    fields.forEach(function (field) {
      field.addEventListener("input", function () {
        fillTitleSlide(titleValues());
        send({ type: "fields", fields: titleValues() });
      });
    });
    // Leaving full screen (the browser's own Escape) ends the presentation too, but only the
    // full screen this presentation entered: a late event from an earlier one must not end it.
    document.addEventListener("fullscreenchange", function () {
      if (ownsFullscreen && document.fullscreenElement !== deck) stop();
    });
    document.addEventListener("keydown", function (event) {
      if (!mode || event.altKey || event.ctrlKey || event.metaKey) return;
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
    if (channel) {
      channel.addEventListener("message", function (event) { receive(event.data); });
      send({ type: "hello" });
    }
    window.setInterval(tick, TICK_MS);
    if (window.location.hash === PRESENTER_HASH) enter("presenter");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-pz-deck]").forEach(enhance);
  });
})();
