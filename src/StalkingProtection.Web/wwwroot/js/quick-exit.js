// Leave this site: the button, the Escape key (also while typing in a field) and Shift pressed three times
// blank the page at once and replace it with a neutral website, so that Back does not return here.
export function initQuickExit (doc) {
  const container = doc.querySelector('[data-quick-exit-url]')
  if (!container) return
  const url = container.getAttribute('data-quick-exit-url')
  const button = container.querySelector('.app-quick-exit__button')
  let shiftPresses = []

  const indicator = doc.createElement('div')
  indicator.className = 'govuk-exit-this-page__indicator'
  indicator.setAttribute('role', 'status')
  indicator.setAttribute('aria-live', 'polite')
  container.appendChild(indicator)

  const leave = (event) => {
    if (event) event.preventDefault()
    doc.body.classList.add('app-quick-exit-hidden')
    doc.title = 'Loading'
    window.location.replace(url)
  }

  const showPresses = (count) => {
    if (count === 0) {
      indicator.classList.remove('govuk-exit-this-page__indicator--visible')
      indicator.textContent = ''
      return
    }
    indicator.classList.add('govuk-exit-this-page__indicator--visible')
    indicator.textContent = ''
    for (let i = 0; i < 3; i++) {
      const light = doc.createElement('span')
      light.className = 'govuk-exit-this-page__indicator-light' + (i < count ? ' govuk-exit-this-page__indicator-light--on' : '')
      indicator.appendChild(light)
    }
    const text = doc.createElement('span')
    text.className = 'govuk-visually-hidden'
    text.textContent = count === 1 ? 'Shift, press 2 more times to leave.' : 'Shift, press 1 more time to leave.'
    indicator.appendChild(text)
  }

  if (button) button.addEventListener('click', leave)

  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' || event.key === 'Esc') {
      leave(event)
      return
    }
    if (event.key === 'Shift' && !event.repeat) {
      const now = Date.now()
      shiftPresses = shiftPresses.filter((time) => now - time < 5000)
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
}
