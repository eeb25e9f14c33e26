#include "cases/uploads.h"

namespace flis::cases {

Result<StoredFile> accept_upload(const DocumentInspector& inspector, StoredFile file, std::string_view fallback_name) {
  if (file.content.empty()) return Error::invalid("upload.empty", "file");
  if (static_cast<std::int64_t>(file.content.size()) > kMaxUploadBytes)
    return Error::invalid("upload.too_large", "file");
  auto content = inspector.inspect(file.content);
  if (!content) return content.take_error();
  file.media_type = content->media_type;
  file.size = static_cast<std::int64_t>(file.content.size());
  file.sha256 = content->sha256;
  if (file.file_name.empty() || file.file_name.size() > 200) file.file_name = std::string(fallback_name);
  return file;
}

std::string upload_id(const CaseRecord& before, std::size_t index) {
  std::string id = before.id + "-F" + std::to_string(before.version + 1);
  if (index > 0) id += "-" + std::to_string(index + 1);
  return id;
}

}  // namespace flis::cases
