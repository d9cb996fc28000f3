import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js'
import { initQuickExit } from '/js/quick-exit.js'

initQuickExit(document)
initAll()
