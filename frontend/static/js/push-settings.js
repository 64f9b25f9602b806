// The notifications page: turn push notifications on or off on this device. Only the browser can subscribe;
// the subscription (its endpoint and keys) is then stored on the server, which sends through it (docs/push.md).
(function () {
  "use strict";
  var box = document.getElementById("this-device");
  if (!box) return;
  var key = box.getAttribute("data-key");

  function show(state) {
    box.querySelectorAll("[data-state]").forEach(function (el) {
      el.hidden = el.getAttribute("data-state") !== state;
    });
    var on = box.querySelector("[data-action=on]");
    var off = box.querySelector("[data-action=off]");
    on.hidden = !(state === "off" || state === "failed");
    off.hidden = state !== "on";
  }

  function markThisDevice(id) {
    document.querySelectorAll("[data-subscription]").forEach(function (item) {
      var badge = item.querySelector("[data-this-device]");
      if (badge) badge.hidden = item.getAttribute("data-subscription") !== String(id);
    });
  }

  function keyBytes(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRFToken": box.querySelector("input[name=csrfmiddlewaretoken]").value
      },
      body: JSON.stringify(body)
    });
  }

  function registration() {
    navigator.serviceWorker.register(box.getAttribute("data-sw"), { scope: "/" }).catch(function () {});
    return navigator.serviceWorker.ready;
  }

  if (!key || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
    show("unsupported");
    return;
  }
  if (Notification.permission === "denied") {
    show("denied");
    return;
  }

  registration().then(function (reg) {
    return reg.pushManager.getSubscription();
  }).then(function (subscription) {
    if (!subscription) return show("off");
    return post(box.getAttribute("data-find-url"), { endpoint: subscription.endpoint }).then(function (response) {
      if (!response.ok) return show("off");
      return response.json().then(function (found) {
        markThisDevice(found.id);
        show("on");
      });
    });
  }).catch(function () { show("off"); });

  box.querySelector("[data-action=on]").addEventListener("click", function () {
    var button = this;
    button.disabled = true;
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") {
        show(permission === "denied" ? "denied" : "off");
        return null;
      }
      return registration().then(function (reg) {
        // A subscription the server does not know (made with another key, or removed there) is made anew.
        return reg.pushManager.getSubscription().then(function (old) {
          return old ? old.unsubscribe() : true;
        }).then(function () {
          return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
        });
      }).then(function (subscription) {
        return post(box.getAttribute("data-subscribe-url"), subscription.toJSON());
      }).then(function (response) {
        if (!response.ok) throw new Error("refused");
        window.location.reload();
      });
    }).catch(function () {
      show("failed");
    }).then(function () {
      button.disabled = false;
    });
  });

  box.querySelector("[data-action=off]").addEventListener("click", function () {
    var button = this;
    button.disabled = true;
    registration().then(function (reg) {
      return reg.pushManager.getSubscription();
    }).then(function (subscription) {
      if (!subscription) return null;
      return post(box.getAttribute("data-unsubscribe-url"), { endpoint: subscription.endpoint }).then(function () {
        return subscription.unsubscribe();
      });
    }).then(function () {
      window.location.reload();
    }).catch(function () {
      button.disabled = false;
      show("failed");
    });
  });
})();
