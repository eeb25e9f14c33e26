// What the printed documents of every act share: the names of reference entries in a locale, the
// issuing local executive body of a region as the forms print it, and the public verification link.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cases/records.h"
#include "docs/table_form.h"
#include "web/context.h"

namespace flis::web {

// Names of a reference entry in the requested locale ("kk", "ru", "en"), falling back to Russian.
std::string reference_name(cases::Store& store, const std::string& set, const std::string& code,
                           std::string_view locale);

// A reference entry's names (its payload's "kk"/"ru", each falling back to Russian) as printed forms carry them.
docs::LocalizedText localized_names(const boost::json::object& names);

// The local executive body of `region` (KATO code), in Kazakh and Russian, as the forms name it: by the
// region's names in force on `on` when given (a certificate prints those of its issue day).
docs::LocalizedText issuing_body(cases::Store& store, const std::string& region, std::optional<Date> on = {});

// The public verification link printed in the QR code.
std::string verification_url(const AppContext& ctx, const cases::IssuedDocument& doc);

}  // namespace flis::web
