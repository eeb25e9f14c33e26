// A sample "scan" for demo data: a one-page A4 PDF that says what document it stands for, so that the
// demo's uploads are real PDFs the content check reads (cases/uploads.h) and an officer who opens one
// in the demo sees what it is. Never used for an applicant's real upload.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace flis::docs {

// `title` is printed on the page ("identity_document / CHEN WEI"); error docs.sample_scan.render_failed.
Result<std::string> render_sample_scan(std::string_view title);

}  // namespace flis::docs
