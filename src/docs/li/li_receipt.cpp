// LI-A4: the receipt of refusal to accept documents. Appendix 4 says it is made in two copies, one for
// each party: both copies are drawn on one A4 page, one above the other with a cut line between them,
// so one print gives the applicant's copy and the State Corporation's (a copy that would not fit half a
// page gets a page of its own).

#include <algorithm>
#include <array>

#include "docs/form_fields.h"
#include "docs/li/li_documents.h"
#include "docs/pdf_support.h"

namespace flis::docs::li {

namespace {

using pdf::bold;
using pdf::escape;

constexpr double kWidth = pdf::kA4Short;
constexpr double kHeight = pdf::kA4Long;
constexpr double kMargin = 24.0;
constexpr double kGap = 18.0;
constexpr double kContent = kWidth - 2 * kMargin;
constexpr double kColumn = (kContent - kGap) / 2;
constexpr double kLeft = kMargin;
constexpr double kRight = kMargin + kColumn + kGap;
constexpr double kHalf = (kHeight - 2 * kMargin) / 2;  // the space of one copy
// Body sizes tried in turn until a copy fits half the page; none does: a page per copy at the first.
constexpr std::array<double, 3> kSizes = {7.5, 7.0, 6.5};

struct Receipt {
  LocalizedText front_office;
  std::vector<LocalizedText> items;  // markup, numbered
  std::string operator_name;
  std::string applicant;
  Date date;
  std::string footer;
};

// Draws one copy at `top` (or only measures it when `draw` is false); returns its height.
double copy(const Receipt& r, int number, double size, pdf::TextPainter& painter, cairo_t* cr, bool draw, double top) {
  const auto text = [&](const std::string& markup, double x, double y, double width, double pt,
                        PangoAlignment align = PANGO_ALIGN_LEFT) {
    return draw ? painter.draw(markup, x, y, width, pt, align, 1.1) : painter.measure(markup, width, pt, 1.1);
  };
  // Kazakh left, Russian right; the taller decides.
  const auto pair = [&](const std::string& kk, const std::string& ru, double y, double pt = 0) {
    return std::max(text(kk, kLeft, y, kColumn, pt > 0 ? pt : size), text(ru, kRight, y, kColumn, pt > 0 ? pt : size));
  };
  double y = top;
  const double block = 230;
  const std::string side = number == 1 ? "1-дана: көрсетілетін қызметті алушыға / Экземпляр 1: услугополучателю"
                                       : "2-дана: Мемлекеттік корпорацияға / Экземпляр 2: Государственной корпорации";
  const double appendix = text(
      escape("Еңбекші көшіп келушіге рұқсат беру, ұзарту және кері қайтарып алу қағидаларына 4-қосымша. Нысан") +
          "\n<i>" +
          escape("Приложение 4 к Правилам выдачи, продления и отзыва разрешения трудовому иммигранту. Форма") + "</i>",
      kWidth - kMargin - block, y, block, 6);
  text("<i>" + escape(side) + "</i>", kLeft, y, kContent - block - 10, 7);
  y += appendix + 6;
  y += pair(bold(kk_or_ru(r.front_office)), bold(r.front_office.ru), y, 9) + 6;
  y += text(bold("Құжаттарды қабылдаудан бас тарту туралы қолхат"), kLeft, y, kContent, 10, PANGO_ALIGN_CENTER) + 1;
  y += text(bold("Расписка об отказе в приеме документов"), kLeft, y, kContent, 10, PANGO_ALIGN_CENTER) + 6;
  y += pair(
           "«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасы Заңының 20-бабының 2-тармағын "
           "басшылыққа ала отырып, сіз мемлекеттік қызмет көрсетуге қойылатын негізгі талаптардың тізбесінде "
           "көзделген құжаттардың толық емес топтамасын және (немесе) қолданылу мерзімі өткен құжаттарды "
           "ұсынуыңызға байланысты Сізге «Еңбекші көшіп келушіге рұқсат беру және ұзарту» мемлекеттік қызметін "
           "көрсетуге құжаттарды қабылдаудан бас тартылады, атап айтқанда:",
           "Руководствуясь пунктом 2 статьи 20 Закона Республики Казахстан «О государственных услугах», в связи с "
           "представлением Вами неполного пакета документов согласно перечню, предусмотренному перечнем основных "
           "требований к оказанию государственной услуги, и (или) документов с истекшим сроком действия, Вам "
           "отказывается в приеме документов на оказание государственной услуги «Выдача и продление разрешения "
           "трудовому иммигранту», а именно:",
           y) +
       4;
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const std::string n = std::to_string(i + 1) + ") ";
    y += pair(n + r.items[i].kk, n + r.items[i].ru, y) + 2;
  }
  y += 4;
  y += pair("Осы қолхат әрбір тарап үшін бір-бірден 2 данада жасалды.",
            "Настоящая расписка составлена в 2 экземплярах, по одному для каждой стороны.", y) +
       8;
  y += pair(
           "«Азаматтарға арналған үкімет» мемлекеттік корпорациясы» коммерциялық емес акционерлік қоғамы "
           "қызметкерінің Т.А.Ә.: " +
               bold(r.operator_name) + "\n______________ (қолы)",
           "Ф.И.О. работника некоммерческого акционерного общества «Государственная корпорация «Правительство для "
           "граждан»: " +
               bold(r.operator_name) + "\n______________ (подпись)",
           y) +
       8;
  y += pair("Қабылдады: " + bold(r.applicant) + "\n______________ (көрсетілетін қызметті алушының Т.А.Ә., қолы)",
            "Получил(а): " + bold(r.applicant) + "\n______________ (Ф.И.О. услугополучателя, подпись)", y) +
       6;
  y += pair("Күні: " + bold(pdf::kk_long_date(r.date)), "Дата: " + bold(pdf::ru_long_date(r.date)), y) + 6;
  if (draw) cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
  y += text(escape(r.footer), kLeft, y, kContent, 6.5, PANGO_ALIGN_RIGHT);
  if (draw) cairo_set_source_rgb(cr, 0, 0, 0);
  return y - top;
}

void cut_line(cairo_t* cr, pdf::TextPainter& painter, double y) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
  const double dash[] = {4.0, 3.0};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, kMargin / 2, y);
  cairo_line_to(cr, kWidth - kMargin / 2, y);
  cairo_stroke(cr);
  cairo_restore(cr);
  cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
  painter.draw(escape("✂ қию сызығы / линия отреза"), kLeft, y + 2, kContent, 6, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb(cr, 0, 0, 0);
}

}  // namespace

Result<std::string> render_intake_refusal_receipt_pdf(const cases::LiCaseData& data, const ReceiptPrint& p) {
  if (!data.intake_refusal) return missing_field("docs.li", "intake_refusal");
  const auto& refusal = *data.intake_refusal;
  Receipt r;
  r.front_office = p.front_office;
  r.operator_name = refusal.refused_by;
  r.applicant = cases::full_name(data.immigrant);
  if (r.applicant.empty()) r.applicant = data.immigrant.full_name_latin;
  r.date = p.date;
  r.footer = "4-қосымша / Приложение 4 · LI-17, LI-A4" + (p.reference.empty() ? "" : " · " + p.reference);
  if (auto s = require_fields("docs.li", {{"front_office.ru", &p.front_office.ru},
                                          {"intake_refusal.refused_by", &r.operator_name},
                                          {"immigrant.name", &r.applicant}});
      !s)
    return s.take_error();
  if (refusal.missing.empty() && refusal.expired.empty())
    return Error::invalid("docs.li.missing_field", "intake_refusal.missing",
                          "LI-17: a receipt names what is missing or expired");
  const auto item = [&](const std::string& doc_type, const LocalizedText& what) {
    const auto name = document_name(doc_type).value_or(LocalizedText{doc_type, doc_type});
    r.items.push_back({bold(name.kk) + " — " + escape(what.kk), bold(name.ru) + " — " + escape(what.ru)});
  };
  for (const auto& d : refusal.missing) item(d, {"ұсынылмаған", "не представлен"});
  for (const auto& d : refusal.expired) item(d, {"қолданылу мерзімі өткен", "срок действия истек"});

  pdf::PdfDocument document(
      kWidth, kHeight,
      {"Расписка об отказе в приеме документов", p.front_office.ru, r.applicant,
       "LI-A4" + (p.reference.empty() ? "" : ", " + p.reference), p.date.iso() + "T00:00:00+05:00"});
  cairo_t* cr = document.cr();
  pdf::TextPainter painter(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  const auto fits = std::find_if(kSizes.begin(), kSizes.end(),
                                 [&](double size) { return copy(r, 1, size, painter, cr, false, 0) <= kHalf - 14; });
  if (fits != kSizes.end()) {
    copy(r, 1, *fits, painter, cr, true, kMargin);
    cut_line(cr, painter, kMargin + kHalf);
    copy(r, 2, *fits, painter, cr, true, kMargin + kHalf + 14);
  } else {
    copy(r, 1, kSizes[0], painter, cr, true, kMargin);
    document.next_page();
    copy(r, 2, kSizes[0], painter, cr, true, kMargin);
  }
  return document.finish("docs.li.render_failed");
}

}  // namespace flis::docs::li
