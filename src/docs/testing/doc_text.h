// Test helpers of docs/: what a reader sees in a rendered file, via poppler-utils and unzip.
// Header-only and used only by *_test.cpp (they shell out; product code must not).
// Thread-safety: each call uses its own temporary file.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace flis::docs::testing {

inline std::string command_output(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
    ::pclose(pipe);
  }
  return out;
}

// Runs `command_prefix '<file>' command_suffix` on `bytes` written to a temporary file.
inline std::string on_temp_file(const std::string& bytes, const std::string& extension,
                                const std::string& command_prefix, const std::string& command_suffix = "") {
  static std::atomic<int> counter{0};
  const auto path = std::filesystem::path(::testing::TempDir()) /
                    ("flis-doc-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + extension);
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string out = command_output(command_prefix + " '" + path.string() + "' " + command_suffix);
  std::filesystem::remove(path);
  return out;
}

// `text` with every run of whitespace as one space (lines wrap where the layout decides).
inline std::string collapse_whitespace(const std::string& text) {
  std::string collapsed;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
    if (space && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += space ? ' ' : c;
  }
  return collapsed;
}

// pdftotext's text with whitespace runs collapsed to one space (lines wrap where the layout decides).
inline std::string pdf_text(const std::string& pdf) {
  const std::string text = on_temp_file(pdf, ".pdf", "pdftotext -enc UTF-8", "-");
  return collapse_whitespace(text);
}

// pdf_text of what lies in the box (x, y, width, height), in points from the top left, on every
// page: one column of a two-column layout (pdftotext -x -y -W -H at 72 dpi).
inline std::string pdf_text_in(const std::string& pdf, int x, int y, int width, int height) {
  const std::string text =
      on_temp_file(pdf, ".pdf",
                   "pdftotext -enc UTF-8 -r 72 -x " + std::to_string(x) + " -y " + std::to_string(y) + " -W " +
                       std::to_string(width) + " -H " + std::to_string(height),
                   "-");
  return collapse_whitespace(text);
}

// What a phone reads from the QR code of the PDF's first page, rasterized as a scan would be (150 dpi)
// and decoded by zbarimg (zbar-tools); empty when nothing decodes. Callers skip when zbarimg is missing.
inline std::string scanned_qr(const std::string& pdf) {
  static std::atomic<int> counter{0};
  const auto png = std::filesystem::path(::testing::TempDir()) /
                   ("flis-scan-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  on_temp_file(pdf, ".pdf", "pdftoppm -r 150 -png -singlefile", "'" + png.string() + "'");
  std::string scanned = command_output("zbarimg --raw -q '" + png.string() + ".png'");
  std::filesystem::remove(png.string() + ".png");
  while (!scanned.empty() && scanned.back() == '\n') scanned.pop_back();
  return scanned;
}

// The page count pdfinfo reports; 0 if it cannot read the file.
inline int pdf_pages(const std::string& pdf) {
  const std::string info = on_temp_file(pdf, ".pdf", "pdfinfo");
  const auto at = info.find("Pages:");
  if (at == std::string::npos) return 0;
  return std::stoi(info.substr(at + 6));
}

// One member of a zip archive (e.g. "xl/worksheets/sheet1.xml" of an XLSX).
inline std::string zip_member(const std::string& zip, const std::string& member) {
  return on_temp_file(zip, ".zip", "unzip -p", "'" + member + "'");
}

}  // namespace flis::docs::testing
