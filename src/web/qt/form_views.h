// The views of the QT request forms (docs/qt/quota_forms.h) filled from the campaign's cases, shared by
// the JSON API downloads and the portal: names of regions and countries resolved from reference data.
// Thread-safety: as the Store behind AppContext (read-only use).
#pragma once

#include <string>

#include "cases/records.h"
#include "core/result.h"
#include "docs/qt/quota_forms.h"
#include "web/context.h"

namespace flis::web {

// QT-A1 of an employer's request case (kind "employer_request"); not_found for another kind.
Result<docs::QtA1View> qt_a1_view(AppContext& ctx, const cases::CaseRecord& request);
// QT-A2..A4 of a region's consolidation (kind "regional") once submitted to the Ministry (QT-12);
// `case.wrong_state` before, not_found for another kind.
Result<docs::QtA2View> qt_a2_view(AppContext& ctx, const cases::CaseRecord& regional);
Result<docs::QtA3View> qt_a3_view(AppContext& ctx, const cases::CaseRecord& regional);
Result<docs::QtA4View> qt_a4_view(AppContext& ctx, const cases::CaseRecord& regional);

}  // namespace flis::web
