// The certificate PDF of an issued document, shared by the JSON API and the portal: resolves the
// names printed on it (profession and sector from the SE list, the issuing body from the regions)
// and renders it with docs/.
#pragma once

#include <string>

#include "cases/records.h"
#include "core/result.h"
#include "web/context.h"

namespace flis::web {

Result<std::string> certificate_pdf(AppContext& ctx, const cases::IssuedDocument& doc);

// Names of a reference entry in the requested locale ("kk", "ru", "en"), falling back to Russian.
std::string reference_name(cases::Store& store, const std::string& set, const std::string& code,
                           std::string_view locale);

// The public verification link printed in the QR code.
std::string verification_url(const AppContext& ctx, const cases::IssuedDocument& doc);

}  // namespace flis::web
