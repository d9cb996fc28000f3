// Leave this site: the button, the Escape key (also while typing in a field) and Shift pressed three times
// blank the page at once and replace it with a neutral website, so that Back does not return here.
export function initQuickExit (doc) {
  const container = doc.querySelector('[data-quick-exit-url]')
  if (!container) return
  const url = container.getAttribute('data-quick-exit-url')
  const button = container.querySelector('.app-quick-exit__button')
  let shiftPresses = []

  const leave = (event) => {
    if (event) event.preventDefault()
    doc.body.classList.add('app-quick-exit-hidden')
    doc.title = 'Loading'
    window.location.replace(url)
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
      if (shiftPresses.length >= 3) leave(event)
    } else {
      shiftPresses = []
    }
  }, true)
}
