// Shows the page's own message when a passkey step fails (allauth's webauthn.js reports it as an event).
(function () {
  document.addEventListener('allauth.error', function (event) {
    const message = document.querySelector('[data-webauthn-error]')
    if (message) {
      message.hidden = false
      event.preventDefault()
    }
  })
})()
