// Scans of documents that applicants upload (SE-A2.8; EP-A2.8 and LI-A2.8 take the same kinds): what
// a state service accepts and how it is told apart from what only looks like it. A file is a PDF,
// JPEG or PNG when a parser of that format reads it whole — not when its first bytes say so: a
// "%PDF-" header in front of HTML, or the eight bytes of a PNG signature, are refused (issue 9).
// Thread-safety: accept_upload is a pure function of its arguments; inspectors must be callable from
// several threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "cases/records.h"
#include "core/result.h"

namespace flis::cases {

// What a format's parser found in an upload.
struct InspectedContent {
  std::string media_type;  // "application/pdf", "image/jpeg" or "image/png"
  int pages = 0;           // PDF: number of pages (at least 1); images: 1
  int width = 0;           // images: pixels; PDF: points of the first page
  int height = 0;
  std::string sha256;  // hex digest of the bytes, recorded in the case and its audit event
};

// Parses the bytes of an upload with the parser of the format they claim. Errors (kind invalid, field
// "file"): upload.media_type (none of the accepted formats), upload.unreadable (claims a format but its
// parser does not read it whole: damaged, truncated or disguised), upload.encrypted (a PDF with a
// password: the officer could not read it), upload.too_many_pixels (an image larger than a scan).
// The adapter is docs/content_inspector.h (poppler, libjpeg, libpng).
class DocumentInspector {
 public:
  virtual ~DocumentInspector() = default;
  virtual Result<InspectedContent> inspect(std::string_view bytes) const = 0;
};

// The largest upload taken, in bytes: a scan at 300 dpi of a few pages. A limit of the system, not of
// an act (no act sets one).
inline constexpr std::int64_t kMaxUploadBytes = 10 * 1024 * 1024;

// Checks an applicant's upload — not empty, not larger than kMaxUploadBytes, read whole by its
// format's parser — and fills in what the content says: media type (never the name or the type the
// browser sent), size, SHA-256. A file name that is empty or longer than 200 bytes becomes
// `fallback_name`.
Result<StoredFile> accept_upload(const DocumentInspector& inspector, StoredFile file, std::string_view fallback_name);

// The id of the `index`-th upload a change to `before` attaches: "SE-2026-000042-F7" (the version the
// change writes, then the index when a change attaches several). Known before the commit, so the
// case's data can refer to the file the same transaction writes; unique because each version of a
// case is written once.
std::string upload_id(const CaseRecord& before, std::size_t index = 0);

}  // namespace flis::cases
