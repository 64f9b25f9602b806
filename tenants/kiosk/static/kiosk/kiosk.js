/* The kiosk tablet (tenants/kiosk): lock after inactivity, and a PIN keypad.
   No inline script (the content security policy forbids it): the page says how many seconds of inactivity lock
   it in data-kiosk-lock-seconds on <body>; after that long without a tap or key the unlocked page posts its lock
   form (back to the PIN screen), the PIN pad goes back to the names. The server locks too, by itself. */
(function () {
  "use strict";

  function startLockTimer() {
    var body = document.body;
    var seconds = parseInt(body.getAttribute("data-kiosk-lock-seconds") || "", 10);
    if (!seconds || seconds <= 0) {
      return;
    }
    var timer = null;
    function lockNow() {
      var form = document.getElementById("kiosk-lock-form");
      if (form) {
        form.submit();
      } else {
        window.location.assign(body.getAttribute("data-kiosk-home") || "/kiosk/");
      }
    }
    function restart() {
      window.clearTimeout(timer);
      timer = window.setTimeout(lockNow, seconds * 1000);
    }
    ["pointerdown", "keydown", "touchstart", "input", "scroll"].forEach(function (name) {
      document.addEventListener(name, restart, { passive: true });
    });
    restart();
  }

  function startKeypad() {
    var pad = document.querySelector(".kiosk-keypad");
    var input = document.querySelector(".kiosk-pin-input");
    if (!pad || !input) {
      return;
    }
    pad.hidden = false;
    pad.addEventListener("click", function (event) {
      var key = event.target.closest("[data-key]");
      if (!key) {
        return;
      }
      var value = key.getAttribute("data-key");
      if (value === "clear") {
        input.value = input.value.slice(0, -1);
      } else if (input.value.length < 8) {
        input.value += value;
      }
      input.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    startLockTimer();
    startKeypad();
  });
})();
