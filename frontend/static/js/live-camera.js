// The webcam player of the live page: every .webcam-player element (data-camera, data-stream: the start address)
// asks the server whether it may show its camera now and then plays the live HLS stream with hls.js, muted and
// inline. The playlist is fetched about once a second with the newest token (each playlist hands out a fresh one
// in its segment addresses); when the server refuses (paused, the window ended) the player asks again and shows
// why: "even pauze", "niet live". The texts come from the page (#webcam-texts), in the reader's language.
(function () {
  "use strict";
  var texts = document.getElementById("webcam-texts");
  function text(state) {
    return (texts && texts.getAttribute("data-" + state)) || "";
  }
  var RETRY_MS = { paused: 2000, not_live: 10000, full: 15000, protocol: 30000, error: 5000 };

  function tokenOf(url) {
    var match = /[?&]t=([^&]+)/.exec(url || "");
    return match ? match[1] : "";
  }

  function Player(box) {
    this.box = box;
    this.camera = box.getAttribute("data-camera");
    this.startUrl = box.getAttribute("data-stream") || "/webcams/stream/" + this.camera + "/";
    this.video = document.createElement("video");
    this.video.muted = true;
    this.video.defaultMuted = true;
    this.video.autoplay = true;
    this.video.playsInline = true;
    this.video.setAttribute("muted", "");
    this.video.setAttribute("playsinline", "");
    this.video.className = "webcam-video";
    this.status = document.createElement("p");
    this.status.className = "webcam-state";
    this.status.setAttribute("role", "status");
    box.appendChild(this.video);
    box.appendChild(this.status);
    this.hls = null;
    this.token = "";
    this.timer = null;
    this.start();
  }

  Player.prototype.show = function (state) {
    this.box.setAttribute("data-state", state);
    this.status.textContent = state === "live" ? "" : text(state);
    this.status.hidden = state === "live";
    this.video.hidden = state !== "live" && state !== "loading";
  };

  Player.prototype.later = function (state) {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.start(); }, RETRY_MS[state] || RETRY_MS.error);
  };

  Player.prototype.stop = function () {
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
    this.video.removeAttribute("src");
  };

  Player.prototype.start = function () {
    var self = this;
    if (!this.hls) this.show("loading");
    fetch(this.startUrl, { credentials: "same-origin", cache: "no-store", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (answer) {
        if (answer.state !== "live") {
          self.stop();
          self.show(RETRY_MS[answer.state] ? answer.state : "not_live");
          self.later(answer.state);
          return;
        }
        self.play(answer.playlist);
      })
      .catch(function () {
        self.stop();
        self.show("not_live");
        self.later("error");
      });
  };

  Player.prototype.play = function (playlist) {
    var self = this;
    this.stop();
    this.token = tokenOf(playlist);
    this.endUrl = this.startUrl + "end/";
    if (!window.Hls || !window.Hls.isSupported()) {
      this.show("unsupported");
      return;
    }
    var hls = new window.Hls({
      enableWorker: false,            // the CSP allows no blob: workers
      liveSyncDurationCount: 2,
      manifestLoadingMaxRetry: 2,
      levelLoadingMaxRetry: 1,
      xhrSetup: function (xhr, url) {
        // The playlist is asked again with the newest token (the one it handed out last time).
        if (/\.m3u8(\?|$)/.test(url) && self.token) {
          xhr.open("GET", url.replace(/([?&]t=)[^&]+/, "$1" + self.token), true);
        }
      },
    });
    this.hls = hls;
    hls.on(window.Hls.Events.LEVEL_LOADED, function (event, data) {
      var fragments = data.details && data.details.fragments;
      if (fragments && fragments.length) {
        var fresh = tokenOf(fragments[fragments.length - 1].url);
        if (fresh) self.token = fresh;
      }
    });
    hls.on(window.Hls.Events.MANIFEST_PARSED, function () {
      self.show("live");
      var playing = self.video.play();
      if (playing && playing.catch) playing.catch(function () {});
    });
    hls.on(window.Hls.Events.ERROR, function (event, data) {
      if (!data.fatal) return;
      // Refused (paused, window over, token too old after a sleeping tab) or the stream stopped: ask again.
      self.stop();
      self.show("loading");
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.start(); }, 1000);
    });
    hls.loadSource(playlist);
    hls.attachMedia(this.video);
  };

  Player.prototype.leave = function () {
    if (this.hls && this.token && navigator.sendBeacon) {
      navigator.sendBeacon(this.endUrl + "?t=" + encodeURIComponent(this.token));
    }
  };

  var players = [];
  document.querySelectorAll(".webcam-player").forEach(function (box) {
    players.push(new Player(box));
  });
  window.addEventListener("pagehide", function () {
    players.forEach(function (player) { player.leave(); });
  });
})();
