// Leave this site: the button, the Escape key (also while typing in a field) and Shift pressed three times. Written
// into the head of every public page, independent of any other script, so the keys work from the moment the page is
// shown. Leaving goes through the site's /leave address, which deletes the unsent report and the site's
// cookies, cache and storage; location.replace takes this page out of the browser's history.
(function (doc, win) {
  var url = '/leave'
  var shiftPresses = []
  var leaving = false
  var indicator = null

  // The button and its hint come later in the page than this script.
  function setUp () {
    var container = doc.querySelector('[data-quick-exit-url]')
    if (!container || indicator) return
    url = container.getAttribute('data-quick-exit-url')
    var hint = doc.getElementById('quick-exit-hint')
    if (hint) hint.textContent = 'Quickly exit this site by pressing the Escape key'
    indicator = doc.createElement('div')
    indicator.className = 'govuk-exit-this-page__indicator'
    indicator.setAttribute('role', 'status')
    indicator.setAttribute('aria-live', 'polite')
    container.appendChild(indicator)
  }

  function clearTyping () {
    var fields = doc.querySelectorAll('input, textarea, select')
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i]
      if (field.type === 'checkbox' || field.type === 'radio') field.checked = false
      else if (field.type !== 'hidden' && field.type !== 'submit' && field.type !== 'button') field.value = ''
    }
  }

  function leave (event) {
    if (event) event.preventDefault()
    if (leaving) return
    leaving = true
    if (doc.body) doc.body.className += ' app-quick-exit-hidden'
    doc.title = 'Loading'
    clearTyping()
    win.location.replace(url)
  }

  function showPresses (count) {
    setUp()
    if (!indicator) return
    indicator.textContent = ''
    if (count === 0) {
      indicator.className = 'govuk-exit-this-page__indicator'
      return
    }
    indicator.className = 'govuk-exit-this-page__indicator govuk-exit-this-page__indicator--visible'
    for (var i = 0; i < 3; i++) {
      var light = doc.createElement('span')
      light.className = 'govuk-exit-this-page__indicator-light' + (i < count ? ' govuk-exit-this-page__indicator-light--on' : '')
      indicator.appendChild(light)
    }
    var text = doc.createElement('span')
    text.className = 'govuk-visually-hidden'
    text.textContent = count === 1 ? 'Shift, press 2 more times to leave.' : 'Shift, press 1 more time to leave.'
    indicator.appendChild(text)
  }

  doc.addEventListener('click', function (event) {
    var target = event.target
    if (target && target.closest && target.closest('.app-quick-exit__button')) leave(event)
  }, true)

  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', setUp)
  else setUp()

  doc.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' || event.key === 'Esc') {
      leave(event)
      return
    }
    if (event.key === 'Shift' && !event.repeat) {
      var now = Date.now()
      shiftPresses = shiftPresses.filter(function (time) { return now - time < 5000 })
      shiftPresses.push(now)
      if (shiftPresses.length >= 3) {
        leave(event)
        return
      }
      showPresses(shiftPresses.length)
    } else if (event.key !== 'Shift') {
      shiftPresses = []
      showPresses(0)
    }
  }, true)

  // A page restored from the back-forward cache would show what was typed: ask the server again instead, which
  // sends the visitor to the start once the report has been deleted.
  win.addEventListener('pageshow', function (event) {
    if (event.persisted && doc.querySelector('form')) {
      clearTyping()
      win.location.reload()
    }
  })
})(document, window)
