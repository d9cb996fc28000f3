import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'
import { initQuickExit } from '/js/quick-exit.js'
import { initReportTimeout } from '/js/report-timeout.js'

initQuickExit(document)
initReportTimeout(document)
initAll()
