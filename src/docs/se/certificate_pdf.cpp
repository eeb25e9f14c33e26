#include "docs/se/certificate_pdf.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>

#include "docs/pdf_support.h"
#include "docs/qr.h"

namespace flis::docs {

namespace {

using pdf::bold;
using pdf::escape;
using pdf::rule;
using pdf::TextPainter;

constexpr double kPageWidth = pdf::kA4Short;
constexpr double kPageHeight = pdf::kA4Long;
constexpr double kMargin = 56.0;  // ~20 mm, the usual margin of Kazakh office documents
constexpr double kColumnGap = 24.0;

using pdf::kk_long_date;
using pdf::numeric_date;
using pdf::ru_long_date;

struct StatusText {
  const char* kk;
  const char* ru;
};

std::optional<StatusText> status_text(std::string_view status) {
  if (status == "valid") return StatusText{"Жарамды", "Действительна"};
  if (status == "revoked") return StatusText{"Кері қайтарып алынды", "Отозвана"};
  if (status == "expired") return StatusText{"Қолданылу мерзімі өтті", "Срок действия истёк"};
  if (status == "replaced") return StatusText{"Қайта ресімделді", "Переоформлена"};
  return std::nullopt;
}

Status validate(const CertificateView& v) {
  const std::array<std::pair<const char*, const std::string*>, 9> required = {{
      {"number", &v.number},
      {"holder_name", &v.holder_name},
      {"profession.ru", &v.profession.ru},
      {"profession.kk", &v.profession.kk},
      {"sector.ru", &v.sector.ru},
      {"basis.ru", &v.basis.ru},
      {"issuing_body.ru", &v.issuing_body.ru},
      {"signer_name", &v.signer_name},
      {"verification_url", &v.verification_url},
  }};
  for (const auto& [field, value] : required) {
    if (value->empty())
      return Error::invalid("docs.certificate.missing_field", field, std::string(field) + " is empty");
  }
  if (v.valid_to < v.valid_from) {
    return Error::invalid("docs.certificate.bad_term", "valid_to", "valid_to is before valid_from");
  }
  if (!status_text(v.status)) return Error::invalid("docs.certificate.bad_status", "status", v.status);
  return ok_status();
}

void draw_watermark(cairo_t* cr, TextPainter& text, const StatusText& status) {
  cairo_save(cr);
  cairo_translate(cr, kPageWidth / 2, kPageHeight / 2);
  cairo_rotate(cr, -0.6);
  cairo_set_source_rgba(cr, 0.75, 0.1, 0.1, 0.25);
  const double width = 560;
  text.draw("<b>" + escape(status.kk) + "\n" + escape(status.ru) + "</b>", -width / 2, -50, width, 40,
            PANGO_ALIGN_CENTER, 1.1);
  cairo_restore(cr);
}

pdf::Metadata metadata(const CertificateView& v) {
  // The issue date rather than the wall clock: the same certificate renders to the same bytes.
  return {"Справка о соответствии квалификации для самостоятельного трудоустройства № " + v.number, v.issuing_body.ru,
          v.holder_name, "SE-A3, " + v.number, v.issue_date.iso() + "T00:00:00+05:00"};
}

void draw_page(cairo_t* cr, const CertificateView& v, const QrMatrix& qr, const StatusText& status) {
  TextPainter text(cr);
  const double content_width = kPageWidth - 2 * kMargin;
  const double column_width = (content_width - kColumnGap) / 2;
  const double left = kMargin;
  const double right = kMargin + column_width + kColumnGap;
  const std::string& basis_kk = v.basis.kk.empty() ? v.basis.ru : v.basis.kk;
  const std::string& sector_kk = v.sector.kk.empty() ? v.sector.ru : v.sector.kk;
  const std::string& body_kk = v.issuing_body.kk.empty() ? v.issuing_body.ru : v.issuing_body.kk;

  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = kMargin - 8;

  // SE-A3: the issuing local executive body heads the form.
  const double body_height =
      std::max(text.draw("<b>" + escape(body_kk) + "</b>", left, y, column_width, 10, PANGO_ALIGN_CENTER),
               text.draw("<b>" + escape(v.issuing_body.ru) + "</b>", right, y, column_width, 10, PANGO_ALIGN_CENTER));
  y += body_height + 8;
  rule(cr, left, y, left + content_width, 1.2);
  rule(cr, left, y + 2.5, left + content_width, 0.4);
  y += 22;

  y += text.draw("<b>ӨЗ БЕТІНШЕ ЖҰМЫСҚА ОРНАЛАСУ ҮШІН БІЛІКТІЛІКТІҢ СӘЙКЕСТІГІ ТУРАЛЫ АНЫҚТАМА</b>", left, y,
                 content_width, 13, PANGO_ALIGN_CENTER, 1.1);
  y += 6;
  y += text.draw("<b>СПРАВКА О СООТВЕТСТВИИ КВАЛИФИКАЦИИ ДЛЯ САМОСТОЯТЕЛЬНОГО ТРУДОУСТРОЙСТВА</b>", left, y,
                 content_width, 13, PANGO_ALIGN_CENTER, 1.1);
  y += 16;

  y += text.draw("№ " + bold(v.number) + "     " + escape(kk_long_date(v.issue_date)) + " / от " +
                     escape(ru_long_date(v.issue_date)),
                 left, y, content_width, 11, PANGO_ALIGN_CENTER);
  y += 18;

  std::string holder = bold(v.holder_name);
  if (!v.holder_name_latin.empty()) holder += " (" + bold(v.holder_name_latin) + ")";
  if (!v.passport.empty()) holder += ", паспорт № " + bold(v.passport);

  // Kazakh column first, Russian beside it, each reproducing the wording of Appendix 3; matching
  // paragraphs share a row so a reader can compare the two languages line by line.
  // SE-19: the employer the certificate names (a re-issue for a new employer), printed with the basis.
  std::string employer_kk, employer_ru;
  if (!v.employer_name.empty()) {
    employer_kk = "\nЖұмыс беруші: " + bold(v.employer_name);
    employer_ru = "\nРаботодатель: " + bold(v.employer_name);
    if (!v.employer_bin.empty()) {
      employer_kk += ", БСН/ЖСН " + bold(v.employer_bin);
      employer_ru += ", БИН/ИИН " + bold(v.employer_bin);
    }
  }
  const std::array<std::pair<std::string, std::string>, 5> rows = {{
      {"Берілді: " + holder + ".",
       "Выдана " + holder +
           " в том, что он (она) соответствует требованиям квалификации и уровню образования для "
           "самостоятельного трудоустройства в Республике Казахстан по следующей профессии, востребованной в "
           "приоритетных отраслях экономики:"},
      {"Ол Қазақстан Республикасында өз бетінше жұмысқа орналасу үшін экономиканың басым салаларында сұранысқа "
       "ие мынадай кәсіп бойынша біліктілік талаптарына және білім деңгейіне сәйкес келеді:",
       ""},
      {"Кәсіп: " + bold(v.profession.kk) + "\nСала: " + bold(sector_kk),
       "Профессия: " + bold(v.profession.ru) + "\nОтрасль: " + bold(v.sector.ru)},
      {"Анықтаманы беру үшін негіз: " + bold(basis_kk) + employer_kk,
       "Основание для выдачи справки: " + bold(v.basis.ru) + employer_ru},
      {"Анықтаманың қолданылу мерзімі: " + bold(numeric_date(v.valid_from)) + " бастап " +
           bold(numeric_date(v.valid_to)) + " дейін",
       "Срок действия справки: с " + bold(numeric_date(v.valid_from)) + " по " + bold(numeric_date(v.valid_to))},
  }};
  const double body_top = y;
  double kk_y = y;
  double ru_y = y;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    // The Russian sentence of row 0 already spans what Kazakh says in rows 0 and 1.
    const bool spans_next = rows[i].second.empty();
    kk_y += text.draw(rows[i].first, left, kk_y, column_width, 10) + 8;
    if (!spans_next) ru_y += text.draw(rows[i].second, right, ru_y, column_width, 10) + 8;
    if (i == 0) continue;  // row 1 aligns with the end of the long Russian sentence
    kk_y = ru_y = std::max(kk_y, ru_y);
  }
  y = std::max(kk_y, ru_y);
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_set_line_width(cr, 0.4);
  cairo_move_to(cr, kMargin + column_width + kColumnGap / 2, body_top);
  cairo_line_to(cr, kMargin + column_width + kColumnGap / 2, y - 8);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  y += 4;

  if (!v.profession_code.empty()) {
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    y += text.draw("Кәсіп коды / Код профессии: " + escape(v.profession_code), left, y, content_width, 8);
    cairo_set_source_rgb(cr, 0, 0, 0);
  }
  y += 8;
  rule(cr, left, y, left + content_width, 0.4);
  y += 14;

  // SE-13: the result is an electronic document signed by the LEB's authorized person; the seal
  // place (М.О./М.П.) of the paper form becomes the signature block.
  const std::string& position_kk = v.signer_position.kk.empty() ? v.signer_position.ru : v.signer_position.kk;
  const std::string signed_kk =
      "Электрондық цифрлық қолтаңбамен қол қойылды\n" + escape(position_kk) + "\n" + bold(v.signer_name);
  const std::string signed_ru =
      "Подписано электронной цифровой подписью\n" + escape(v.signer_position.ru) + "\n" + bold(v.signer_name);
  y += std::max(text.draw(signed_kk, left, y, column_width, 10), text.draw(signed_ru, right, y, column_width, 10));
  y += 6;
  if (!v.signature_algorithm.empty() || !v.signature_fingerprint.empty()) {
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
    y += text.draw("ЭЦҚ / ЭЦП: " + escape(v.signature_algorithm) +
                       "   сертификат / сертификат SHA-256: " + escape(v.signature_fingerprint),
                   left, y, content_width, 8);
    cairo_set_source_rgb(cr, 0, 0, 0);
  }

  // Verification block at the foot of the page.
  // It moves down with long names rather than overlap them; the page has room for the longest entry
  // of the list.
  const double qr_side = 104;
  const double block_top = std::max(y + 28, kPageHeight - kMargin - qr_side);
  rule(cr, left, block_top - 10, left + content_width, 0.4);
  pdf::draw_qr(cr, qr, left - 6, block_top, qr_side);
  const double info_x = left + qr_side + 8;
  const double info_width = content_width - qr_side - 8;
  double info_y = block_top + 10;
  info_y += text.draw("Мәртебесі / Статус: " + bold(std::string(status.kk) + " / " + status.ru), info_x, info_y,
                      info_width, 10);
  info_y += 6;
  info_y += text.draw(
      "Анықтаманың түпнұсқалығын QR-код немесе сілтеме арқылы тексеруге болады.\n"
      "Подлинность справки можно проверить по QR-коду или ссылке.",
      info_x, info_y, info_width, 8.5);
  info_y += 4;
  text.draw("Verify at: " + escape(v.verification_url), info_x, info_y, info_width, 9);
}

}  // namespace

LocalizedText certificate_basis(CertificateBasis basis, const std::string& case_id) {
  switch (basis) {
    case CertificateBasis::reissue_application:
      return {"Анықтаманы қайта ресімдеу туралы өтініш, іс " + case_id,
              "Заявление о переоформлении справки, дело " + case_id};
    case CertificateBasis::duplicate_application:
      return {"Анықтаманың телнұсқасын беру туралы өтініш, іс " + case_id,
              "Заявление о выдаче дубликата справки, дело " + case_id};
    case CertificateBasis::commission_minutes:
      break;
  }
  return {"Комиссия хаттамасы, іс " + case_id, "Протокол Комиссии, дело " + case_id};
}

Result<std::string> render_certificate_pdf(const CertificateView& view) {
  if (auto valid = validate(view); !valid) return valid.take_error();
  auto qr = qr_matrix(view.verification_url);
  if (!qr) return qr.take_error();
  const StatusText status = *status_text(view.status);

  pdf::PdfDocument document(kPageWidth, kPageHeight, metadata(view));
  draw_page(document.cr(), view, *qr, status);
  if (view.status != "valid") {
    TextPainter text(document.cr());
    draw_watermark(document.cr(), text, status);
  }
  return document.finish("docs.certificate.render_failed");
}

}  // namespace flis::docs
