// The report form deletes answers after a period without activity. Warn five minutes before, let the person
// keep their answers (a request to the page counts as activity), and leave the form when the time is up.
export function initReportTimeout (doc) {
  const notice = doc.querySelector('[data-report-timeout]')
  const warning = doc.querySelector('.app-report-timeout-warning')
  if (!notice || !warning) return
  const minutes = parseInt(notice.getAttribute('data-report-timeout'), 10)
  if (!(minutes > 5)) return
  const message = warning.querySelector('[data-report-timeout-message]')
  let warnTimer
  let endTimer

  const start = () => {
    clearTimeout(warnTimer)
    clearTimeout(endTimer)
    warning.hidden = true
    warnTimer = setTimeout(() => {
      message.textContent = 'You have not done anything for ' + (minutes - 5) + ' minutes. We will delete your answers in 5 minutes. '
      const keep = doc.createElement('button')
      keep.type = 'button'
      keep.className = 'govuk-button govuk-button--secondary govuk-!-margin-bottom-0'
      keep.textContent = 'Keep my answers'
      keep.addEventListener('click', () => {
        window.fetch(window.location.pathname, { credentials: 'same-origin', cache: 'no-store' }).then(start, start)
      })
      message.appendChild(keep)
      warning.hidden = false
    }, (minutes - 5) * 60 * 1000)
    endTimer = setTimeout(() => {
      window.location.replace('/report/session-ended')
    }, minutes * 60 * 1000)
  }

  start()
}
