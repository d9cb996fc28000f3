// The addresses below are mapped to versioned ones by the import map on each page, so each can be cached for long.
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'
import { initReportTimeout } from '/js/report-timeout.js'

initReportTimeout(document)
initAll()
