// The report form deletes answers after a period without activity. Five minutes before, a modal dialog (which takes
// focus, so it is announced and cannot be missed below the form) lets the person stay; staying asks the server for
// the page again, which counts as activity. When the time is up the person is told the answers were deleted.
export function initReportTimeout (doc) {
  const notice = doc.querySelector('[data-report-timeout]')
  const dialog = doc.querySelector('[data-report-timeout-dialog]')
  if (!notice || !dialog || typeof dialog.showModal !== 'function') return
  const minutes = parseInt(notice.getAttribute('data-report-timeout'), 10)
  if (!(minutes > 5)) return
  const stay = dialog.querySelector('[data-report-timeout-stay]')
  let warnTimer
  let endTimer
  let returnFocus = null

  const start = () => {
    clearTimeout(warnTimer)
    clearTimeout(endTimer)
    warnTimer = setTimeout(() => {
      returnFocus = doc.activeElement
      dialog.showModal()
      stay.focus()
    }, (minutes - 5) * 60 * 1000)
    endTimer = setTimeout(() => {
      window.location.replace(notice.getAttribute('data-session-ended') || '/report/session-ended')
    }, minutes * 60 * 1000)
  }

  const keep = () => {
    clearTimeout(warnTimer)
    clearTimeout(endTimer)
    dialog.close()
    if (returnFocus && returnFocus.focus) returnFocus.focus()
    window.fetch(window.location.pathname, { credentials: 'same-origin', cache: 'no-store' }).then(start, start)
  }

  stay.addEventListener('click', keep)
  // Escape is quick exit on this site; the dialog itself must not swallow it by closing.
  dialog.addEventListener('cancel', (event) => event.preventDefault())
  start()
}
