#include "law/rules.h"

#include <algorithm>
#include <tuple>

namespace flis::law {
namespace {

// How a requirement of the SE act relates to Order 426 of 30.12.2025 (footnotes in seed 003):
// paragraphs 3, 7, 8, 9, 13, 16, 18–25 and Appendices 1–3 to the Rules were restated, 22-1 was
// added; the rest keeps the 2023 wording.
enum class Wording { original, amended, new_in_426 };
constexpr Wording kNew = Wording::new_in_426;

struct SeEntry {
  const char* id;
  Wording wording;
  const char* summary;
};

// Summaries from spec/requirements.md (current wording).
const SeEntry kSeEntries[] = {
    {"SE-2", Wording::original,
     "Definitions: certificate (issued to a foreigner meeting qualification and education requirements, for "
     "self-employment in professions in demand in priority sectors); LEB = region / city of republican significance / "
     "capital level; authorized body."},
    {"SE-3", Wording::amended,
     "The foreigner (or representative) applies through egov.kz, elicense.kz or migration.enbek.kz with the "
     "application (Appendix 1) and the documents of Appendix 2."},
    {"SE-5", Wording::original,
     "The cabinet shows the status \"application accepted\" and the date and time of the result."},
    {"SE-6", Wording::original,
     "The LEB forms a Commission for assessing foreigners (LEB, education, police, industrial development, the "
     "National Chamber of Entrepreneurs \"Atameken\", associations, territorial bodies of the ministries whose sectors "
     "are on the priority list)."},
    {"SE-7", Wording::amended,
     "If the documents are complete, an LEB officer sends them to the Commission within 2 wd of registration."},
    {"SE-8", Wording::amended,
     "The Commission checks qualification and education against the professions in demand in priority sectors; "
     "education and experience must meet the qualification requirements (professional standards, qualification "
     "handbook, typical characteristics)."},
    {"SE-9", Wording::amended,
     "The Commission assesses each foreigner separately on the documents and the criteria of SE-10, recommends to "
     "issue or refuse (a refusal with reasons from SE-12); decision within 3 wd, recorded in minutes signed by the "
     "members present."},
    {"SE-10", Wording::original,
     "Points: education — higher education in a specialty matching a profession in demand: 3; academic degree in such "
     "a specialty: 4; certificate for teaching English: 3; experience in such a specialty — 1 to 3 years: 2; 4 to 10 "
     "years: 4; 11 years or more: 6."},
    {"SE-11", Wording::original,
     "On the Commission's recommendation the LEB decides within 5 wd of accepting the application: the certificate "
     "(Appendix 3) or a refusal."},
    {"SE-12", Wording::original, "Refusal only on the grounds of the requirements list (SE-A2.9)."},
    {"SE-13", Wording::amended,
     "The result goes to the cabinet as an electronic document signed by the LEB's authorized person."},
    {"SE-14", Wording::original,
     "The certificate cannot be transferred and is valid in the whole territory of Kazakhstan."},
    {"SE-15", Wording::original, "The certificate is issued for at most 3 months."},
    {"SE-16", Wording::amended,
     "Extension: if the documents are in order, within 3 wd the LEB extends it for the term of the labour contract, at "
     "most 3 years."},
    {"SE-17", Wording::original,
     "For extension the foreigner sends the documents through the portal within 5 wd of concluding the labour "
     "contract."},
    {"SE-18", Wording::amended,
     "On a change of employer during validity the foreigner notifies the LEB in writing within 5 wd of the new "
     "contract."},
    {"SE-19", Wording::amended, "On a change of employer the certificate is re-issued per SE-22."},
    {"SE-20", Wording::amended,
     "On termination of the labour contract the foreigner notifies the LEB within 5 wd (free form)."},
    {"SE-21", Wording::amended,
     "Revocation: working in a profession not matching the certificate, established by acts of the bodies controlling "
     "labour and migration law."},
    {"SE-22", Wording::amended,
     "Re-issue: on a change of surname, name, patronymic, identity document number or series, or of employer; filed "
     "within 5 wd of the change with copies; the LEB re-issues within 3 wd with a new number."},
    {"SE-22-1", kNew,
     "Duplicate on loss or damage: filed within 5 wd through elicense.kz or migration.enbek.kz; issued within 3 wd."},
    {"SE-23", Wording::amended,
     "The certificate ends: (1) when its term expires; (2) when work in a non-matching profession is found."},
    {"SE-24", Wording::amended,
     "Complaints go to the higher body or the quality-control authority; the body complained about forwards within 3 "
     "wd unless it fully satisfies the complaint within 3 wd."},
    {"SE-25", Wording::amended, "A complaint to the LEB is decided within 5 wd."},
    {"SE-26", Wording::original, "A complaint to the quality-control authority or the reviewing body: 15 wd."},
    {"SE-27", Wording::original, "If the applicant disagrees with the result, it may go to court."},
    {"SE-28", Wording::original,
     "Court only after the administrative (pre-trial) appeal, unless a law says otherwise (APPC art. 91 p.5)."},
    {"SE-A1", Wording::amended,
     "Application: to LEB; applicant's name, passport (number, date, issuer), address, phone, location in the country "
     "of residence; request to issue / extend / re-issue / issue a duplicate for profession <profession, sector per "
     "the priority list>; employer (name, BIN/IIN) when extending; consent to personal data processing; attachments; "
     "date; signature."},
    {"SE-A2.0", Wording::amended,
     "Sub-services: (1) issue; (2) extension; (3) re-issue on change of name or identity document; (4) duplicate on "
     "loss or damage."},
    {"SE-A2.3", Wording::amended,
     "Terms: issue (certificate up to 3 months) 5 wd from registration; extension 3 wd; re-issue 3 wd; duplicate 3 "
     "wd."},
    {"SE-A2.4", Wording::amended, "Form: electronic, partially automated (the Commission decides)."},
    {"SE-A2.6", Wording::amended, "Free of charge."},
    {"SE-A2.8", Wording::amended,
     "Documents: issue — application; identity document copy; notarized translations (into Kazakh or Russian) of "
     "education documents that passed recognition or nostrification (unless a treaty exempts), or of English-teaching "
     "certificates; notarized copy of the employment record with translation. Extension — application; the "
     "certificate; copy of the labour contract. Re-issue — application; copy of the changed identity document. "
     "Duplicate — application; identity document copy; notarized employment record copy with translation."},
    {"SE-A2.9", Wording::amended,
     "Refusal grounds: (1) qualification or education does not match the professions in demand in the priority sectors "
     "of the list; (2) the assessment score is below the threshold of 6 points; (3) documents or data found false."},
    {"SE-A2.10", Wording::amended,
     "Status via the contact centre 1411; online filing requires an IIN to obtain a digital signature."},
    {"SE-A3", Wording::amended,
     "Certificate form: No. and date; issued to <name>; meets the requirements for the profession <profession, "
     "sector>; basis; valid from <date> to <date>; signature."},
    {"SE-L", Wording::original,
     "The list of priority sectors, activities and professions (Appendix 2 to the order): general secondary, technical "
     "and vocational, higher and postgraduate education; health care; computing activities; recreation, culture and "
     "sport; railway, air and sea transport; manufacturing (metallurgy, coke and petroleum products, food, chemicals "
     "and petrochemicals, machinery, electrical and optical equipment, other non-metallic minerals). The whole list, "
     "with every profession, is reference data the system ships and officers can update."},
};

// The quota act (seed 001), summaries from spec/requirements.md. Dates of the campaign are
// parameters ("month", "day", "year_offset" from the quota year) so a new order changes them as data.
struct QtEntry {
  const char* id;
  const char* summary;
};
const QtEntry kQtEntries[] = {
    {"QT-2", "The quota rules do not apply to intra-corporate transfers (ICT permits consume no quota)."},
    {"QT-3",
     "Definitions: labour immigrant, employer, labour force (employed + unemployed), vocational training, ICT, "
     "seasonal foreign workers, independent worker, LEB, foreign labour, quota (the maximum number of foreign workers "
     "allowed), foreign worker, country of origin (the worker's citizenship)."},
    {"QT-4",
     "The quota is set as a percentage of the labour force and consists of: (1) the quota for permits issued by LEBs "
     "to employers; (2) the quota by countries of origin, where Kazakhstan has ratified treaties on labour migration; "
     "(3) the quota for labour immigrants."},
    {"QT-5",
     "The quota for the coming year(s) is the maximum number of foreign workers allowed to be engaged in each "
     "administrative-territorial unit."},
    {"QT-6",
     "Employers file yearly demand requests (Appendix 1) by 1 October to the LEB of each region where the foreigners "
     "will work (one request per region for multi-region work)."},
    {"QT-7",
     "LEBs consolidate the requests by 10 October, taking into account regional demand, the forecast of unemployed, "
     "layoffs and graduates, the possibility to meet the demand from domestic labour, and the effectiveness of foreign "
     "labour used in the previous year."},
    {"QT-8", "LEBs submit the consolidated requests to the regional quota Commission by 15 October."},
    {"QT-9",
     "The Commission is formed by the LEB: police, education, entrepreneurship, the labour inspectorate, the regional "
     "chamber of entrepreneurs and associations, trade unions."},
    {"QT-10",
     "The Commission rejects a request fully or partially on these grounds: (1) the demand can be met from domestic "
     "labour; (2) the employer has unremedied violations of the permit procedure in the previous or current year; (3) "
     "the employer has unremedied violations of labour law, including overdue wage arrears, in the previous or current "
     "year."},
    {"QT-11", "The LEB informs each employer in writing of the result within 5 wd of the Commission's decision."},
    {"QT-12", "LEBs submit the consolidated requests (Appendix 2) to the Ministry by 1 November."},
    {"QT-13",
     "Interested central state bodies may submit proposals, agreed with the LEB concerned and justified by the "
     "labour-market forecast, by 1 November."},
    {"QT-14", "The labour-immigrant quota is formed from requests for household workers."},
    {"QT-15",
     "LEBs determine the need for labour immigrants by 10 October considering regional demand, the unemployment "
     "forecast and layoffs, and the effectiveness of labour-immigrant engagement in the previous year."},
    {"QT-16", "LEBs send the labour-immigrant requests (Appendix 3) to the Ministry by 1 November."},
    {"QT-17",
     "The country-of-origin quota exists only where a ratified treaty exists; LEBs form it from the labour-market "
     "forecast and submit it on the Appendix 4 form."},
    {"QT-18", "The Ministry forms the quota from the LEB and central-body requests."},
    {"QT-19",
     "The Ministry sets the quota and distributes it among the regions by 1 January, and publishes the decision on its "
     "website within 3 wd of the distribution."},
    {"QT-20",
     "Distribution among regions: (1) by countries of origin, per the LEB requests and central proposals, broken down "
     "by categories of foreign workers and seasonal workers; (2) for labour immigrants, per the need submitted by "
     "LEBs."},
    {"QT-21",
     "The Ministry may redistribute the approved quota between regions, within the total, on proposals of state bodies "
     "or LEBs."},
    {"QT-A1",
     "Employer request form: No.; number of foreign workers engaged in the current year; need for the year by category "
     "1, 2, 3, 4 (by profession and specialty) and seasonal; justification."},
    {"QT-A2",
     "LEB request form to the Ministry: No.; organization (name, legal address); current-year number; need by category "
     "1-4 (by profession) and seasonal; justification per QT-7."},
    {"QT-A3", "LEB labour-immigrant request: current-year number; need for the year; justification."},
    {"QT-A4", "LEB country-of-origin request: No.; number; by category 1-4 (by profession) and seasonal."},
};

// FLIS's own readings of the quota act (docs/interpretations.md), citable like the I-* defaults.
const QtEntry kQtReadings[] = {
    {"F-Q1",
     "Campaign dates are inclusive; a date that is a day off means the last working day before it (QT-19: the last "
     "working day of December); a request is in time iff registered (I-3) by the QT-6 due day."},
    {"F-Q2",
     "Each region's ceiling = labour force x percentage, rounded down; the quota is min(demand, ceiling), never more "
     "than the LEB asked for."},
    {"F-Q3",
     "Within the employer ceiling, country-of-origin requests first, then categories 1-4 and seasonal in proportion to "
     "the requests by largest remainder (ties to the earlier category); labour immigrants min(need, ceiling)."},
    {"F-Q4", "One QT-A1 request per employer, region and quota year; requests are kept per profession."},
    {"F-Q5", "Central bodies' proposals (QT-13) are recorded by the Ministry officer and add to the region's demand."},
    {"F-Q6",
     "QT-10(2)/(3) need a control body's violation record of the previous or current campaign year, not remedied; "
     "QT-10(1) a labour-market reference and note."},
    {"F-Q7", "A redistribution moves units between regions in one ledger change (-n, +n); the total never changes."},
};

std::map<std::string, std::string> qt_parameters(std::string_view id) {
  auto date = [](int month, int day, int year_offset) {
    return std::map<std::string, std::string>{
        {"month", std::to_string(month)}, {"day", std::to_string(day)}, {"year_offset", std::to_string(year_offset)}};
  };
  if (id == "QT-6") return date(10, 1, -1);
  if (id == "QT-7" || id == "QT-15") return date(10, 10, -1);
  if (id == "QT-8") return date(10, 15, -1);
  if (id == "QT-12" || id == "QT-13" || id == "QT-16") return date(11, 1, -1);
  if (id == "QT-19") {
    auto p = date(1, 1, 0);
    p["publication_working_days"] = "3";
    return p;
  }
  if (id == "QT-11") return {{"working_days", "5"}};
  return {};
}

struct InterpretationEntry {
  const char* id;
  const char* summary;
};

// From spec/interpretations.md. Parameters are attached below.
const InterpretationEntry kInterpretations[] = {
    {"I-1",
     "Time zone. All legal dates are in Kazakhstan time, `Asia/Almaty` (the whole country is UTC+5 since 1 March "
     "2024). Store instants in UTC, compute dates in Asia/Almaty."},
    {"I-2",
     "Working hours. State bodies work Monday–Friday 09:00–18:30 (lunch 13:00–14:30), except days off and holidays "
     "(`reference-data.md`). The State Corporation works 09:00–18:30."},
    {"I-3",
     "Registration day. An application filed on a working day before 18:30 (also before 09:00) is registered that day. "
     "Filed after 18:30, on a weekend or on a day off (EP-7.2, LI-14, EP-A2.7) → registered on the next working day."},
    {"I-4",
     "\"Within N working days\". A deadline of N wd counted from an event is the end (18:30) of the N-th working day "
     "after the event's day; the event's day is not counted (LI-7 says this explicitly; FLIS applies it everywhere, "
     "which also matches \"1 wd after the day of receipt\" in EP-7.1). A day of the calendar that is a working day by "
     "decree (a transferred Saturday) counts as a working day."},
    {"I-5",
     "Service term vs decision term. The terms of EP-A2.3 are counted from registration of the filing and bound the "
     "whole service; the terms in the paragraphs (EP-29, EP-64, EP-66: 5 wd from acceptance of the documents) bound "
     "the decision. Both are tracked; 1 wd registration + 5 wd decision = the 6 wd of the appendix."},
    {"I-6", "Calendar days (EP-2-1, LI-12, LI-24..26, LI-40) are plain dates, weekends included."},
    {"I-7",
     "End date. A permit or certificate for a term of N months (or years) starting on date S is valid through S + N "
     "months − 1 day (e.g. 2026-03-15 + 12 months → 2027-03-14). If the day does not exist in the end month, use the "
     "last day of that month minus nothing (2026-01-31 + 1 month → 2026-02-28). A term of N calendar days (seasonal "
     "workers) is valid through S + N − 1 days."},
    {"I-8",
     "Start date. An EP permit starts on the day it is issued, i.e. after the fee is confirmed (fee-free permits: the "
     "day of the decision). An extension starts the day after the current term ends. An LI permit starts on the "
     "decision day. An SE certificate starts on the decision day."},
    {"I-9",
     "Extension counts (EP-25). Category 1: any number of extensions, each by 1, 2 or 3 years. Categories 2 and 3: at "
     "most 3 extensions of 12 months (so at most 48 months in all). Category 4 and seasonal: none. ICT: the first "
     "permit for the labour contract term, at most 3 years; one extension of at most 1 year (EP-2.4)."},
    {"I-10",
     "Labour-immigrant windows (LI-19, LI-24..26). With expiry date E (last valid day) and filing date F: extension "
     "allowed iff E − 30 ≤ F ≤ E − 5 and the total term after extension ≤ 12 months; when the total already equals 12 "
     "months, a new permit may be filed iff E − 4 ≤ F ≤ E. Anything else is refused with the rule that was missed."},
    {"I-11",
     "Self-employment extension (SE-16). The certificate is extended to the end of the labour contract, capped at 3 "
     "years from the day of the extension decision."},
    {"I-12",
     "Points are cumulative: every criterion met adds its points (a doctor of science with higher education in the "
     "field scores 3 + 4). Experience counts completed years in a matching specialty: under 1 year 0; 1–3 → 2; 4–10 → "
     "4; 11 and more → 6. The threshold is met with 6 points or more (SE-A2.9 refuses only below 6)."},
    {"I-13",
     "The Commission may still refuse a candidate with enough points on ground SE-A2.9(1) (profession or qualification "
     "does not match the list) or (3) (false documents); the score alone never issues a certificate — a Commission "
     "decision does."},
    {"I-14",
     "What consumes quota. An EP permit takes one unit per foreign worker, per region named in the permit, in that "
     "worker's category (or seasonal), from the quota of the calendar year of issue. An LI permit takes one unit of "
     "the labour-immigrant quota of its region. Extensions and re-issues take no new unit (LI-21; the same reading for "
     "EP). ICT takes none (QT-2). A country-of-origin permit takes a unit of that country's quota instead of the "
     "general one. A revoked or ended permit does not give its unit back within the year."},
    {"I-15",
     "Levels. The Ministry distributes the quota to the 20 regions (oblasts, Astana, Almaty, Shymkent). LI permits are "
     "issued by district-level bodies (LI-4) from their region's labour-immigrant quota; a region may sub-allocate its "
     "quota to districts."},
    {"I-16",
     "Reservation (LI-12). A signed agreement of intent reserves one unit for 10 calendar days; the reservation lapses "
     "by itself at the end of the 10th day unless a permit is issued."},
    {"I-17",
     "Exactness. No quota may ever be exceeded, whatever the concurrency: issuing the last unit twice is a defect of "
     "the worst kind."},
    {"I-18",
     "Exhaustive grounds. A refusal must cite one of the enumerated grounds of the act (EP-A2.9, LI-A2.9, SE-A2.9). "
     "Every automated check maps to one of those grounds; a check that maps to none may warn an officer but never "
     "refuses by itself."},
    {"I-19",
     "Hearing (EP-12). Before refusing an EP application, the LEB sends a preliminary decision and waits for "
     "objections. Default (the usual wording of Kazakhstan's service rules under Administrative Procedural Code art. "
     "73, not confirmed from the code's text): the notice goes out no later than 3 wd before the service term ends, "
     "and the hearing (the employer's objections) takes place within 2 wd of the notice; the final decision follows "
     "the hearing and still falls within the service term. Both numbers are parameters of the rule version."},
    {"I-20",
     "12-month bans (EP-40, EP-41-1, EP-74, EP-74-1). A ban established on date D refuses any permit application "
     "registered on D through D + 12 months − 1 day."},
    {"I-21",
     "Revocation for ratios (EP-40(2), EP-74(2)). Revoke the employer's valid permits in order of issue, newest first, "
     "until the ratio holds again."},
    {"I-22",
     "EP-A2.3 \"4 wd\". The second block of terms (\"notice of the decision to issue or refuse within 4 wd\") is read "
     "as the term for seasonal-worker permits, whose document list is short; the 8 wd term applies to categories 1–4."},
    {"I-23", "EP-22.2 multi-region fee. The full fee is due to the budget of each region named."},
    {"I-24",
     "Pilot (PG). The e-government pilot channel for LI is open only between the pilot's start date (configurable) and "
     "31.05.2026 inclusive. After that the State Corporation front office takes paper applications as the LI rules "
     "say. The portal being down (PG-7) is an operational state the system knows about: while it lasts, front-office "
     "operators take paper applications that are digitized into the same case."},
};

using Parameters = std::map<std::string, std::string>;

Parameters interpretation_parameters(std::string_view id) {
  if (id == "I-1") return {{"time_zone", "Asia/Almaty"}, {"utc_offset_minutes", "300"}};
  if (id == "I-2") return {{"open", "09:00"}, {"close", "18:30"}, {"lunch_start", "13:00"}, {"lunch_end", "14:30"}};
  if (id == "I-3") return {{"close", "18:30"}, {"before_open_counts_same_day", "true"}};
  if (id == "I-4") return {{"event_day_counted", "false"}, {"due_time", "18:30"}, {"working_weekend_counts", "true"}};
  if (id == "I-5") return {{"ep_registration_wd", "1"}, {"ep_decision_wd", "5"}};
  if (id == "I-7") return {{"end", "start + N months - 1 day; missing day -> last day of month"}};
  if (id == "I-8") return {{"se_start", "decision_day"}, {"li_start", "decision_day"}, {"ep_start", "issue_day"}};
  if (id == "I-9")
    return {{"cat1_extension_years", "1,2,3"},
            {"cat2_3_max_extensions", "3"},
            {"cat2_3_extension_months", "12"},
            {"ict_first_max_years", "3"},
            {"ict_max_extension_years", "1"}};
  if (id == "I-10")
    return {{"extension_earliest_days_before_expiry", "30"},
            {"extension_latest_days_before_expiry", "5"},
            {"new_permit_earliest_days_before_expiry", "4"},
            {"max_total_months", "12"}};
  if (id == "I-11") return {{"max_months", "36"}, {"counted_from", "extension_decision_day"}};
  if (id == "I-12")
    return {{"higher_education", "3"},
            {"academic_degree", "4"},
            {"english_teaching_certificate", "3"},
            {"experience_1_to_3", "2"},
            {"experience_4_to_10", "4"},
            {"experience_11_plus", "6"},
            {"experience_counts", "completed_years"},
            {"threshold", "6"}};
  if (id == "I-16") return {{"reservation_calendar_days", "10"}};
  if (id == "I-19") return {{"notice_wd_before_term_end", "3"}, {"hearing_wd", "2"}};
  if (id == "I-20") return {{"ban_months", "12"}};
  if (id == "I-22") return {{"seasonal_notice_wd", "4"}, {"categories_1_4_notice_wd", "8"}};
  if (id == "I-24") return {{"pilot_end", "2026-05-31"}};
  return {};
}

// Interpretations are FLIS's own readings; they apply from the earliest act FLIS implements
// (LI: Order 123 of 15.04.2022) and change only by a new rule version.
constexpr Date kInterpretationsFrom{2022, 4, 15};

std::vector<RuleVersion> standard_versions() {
  std::vector<RuleVersion> out;
  const Date day_before_426 = kOrder426InForce.plus_days(-1);
  for (const SeEntry& e : kSeEntries) {
    switch (e.wording) {
      case Wording::original:
        out.push_back({e.id, "Order 236 of 22.06.2023", kOrder236InForce, std::nullopt, e.summary, {}, false});
        break;
      case Wording::amended:
        // The 2023 wording is not in the seed; its version records the period so that cases
        // registered before the amendment cite the right act.
        out.push_back({e.id,
                       "Order 236 of 22.06.2023",
                       kOrder236InForce,
                       day_before_426,
                       std::string("Wording before Order 426 (text not in the seed). Current wording: ") + e.summary,
                       {},
                       false});
        [[fallthrough]];
      case Wording::new_in_426:
        out.push_back({e.id,
                       "Order 426 of 30.12.2025",
                       kOrder426InForce,
                       std::nullopt,
                       e.summary,
                       {{"assumed_publication", kOrder426AssumedPublication.iso()}},
                       true});
        break;
    }
  }
  // Terms and the threshold as parameters, so a later version can change them.
  for (RuleVersion& v : out) {
    if (v.id == "SE-10")
      v.parameters = {{"higher_education", "3"},  {"academic_degree", "4"},    {"english_teaching_certificate", "3"},
                      {"experience_1_to_3", "2"}, {"experience_4_to_10", "4"}, {"experience_11_plus", "6"}};
    if (v.id == "SE-A2.9") v.parameters["threshold"] = "6";
    if (v.id == "SE-15") v.parameters["max_months"] = "3";
    if (v.id == "SE-7") v.parameters["working_days"] = "2";
    if (v.id == "SE-9") v.parameters["working_days"] = "3";
    if (v.id == "SE-11") v.parameters["working_days"] = "5";
    if (v.id == "SE-16") v.parameters["working_days"] = "3", v.parameters["max_months"] = "36";
    if (v.id == "SE-17" || v.id == "SE-18" || v.id == "SE-20") v.parameters["working_days"] = "5";
    if (v.id == "SE-22" || v.id == "SE-22-1")
      v.parameters["applicant_working_days"] = "5", v.parameters["working_days"] = "3";
    if (v.id == "SE-24") v.parameters["working_days"] = "3";
    if (v.id == "SE-25") v.parameters["working_days"] = "5";
    if (v.id == "SE-26") v.parameters["working_days"] = "15";
    if (v.id == "SE-A2.3")
      v.parameters.insert({{"issue_wd", "5"}, {"extension_wd", "3"}, {"reissue_wd", "3"}, {"duplicate_wd", "3"}});
  }
  for (const QtEntry& e : kQtEntries) {
    const std::map<std::string, std::string> assumed{{"assumed_publication", "2023-07-03"}};
    if (std::string_view(e.id) == "QT-9") {
      // The 2023 wording of paragraph 9 is not in the seed; the version records its period.
      out.push_back({e.id, "Order 274 of 30.06.2023", kOrder274InForce, kOrder390InForce.plus_days(-1),
                     std::string("Wording before Order 390 (text not in the seed). Current wording: ") + e.summary,
                     assumed, true});
      out.push_back({e.id,
                     "Order 390 of 30.09.2024",
                     kOrder390InForce,
                     std::nullopt,
                     e.summary,
                     {{"assumed_publication", "2024-10-07"}},
                     true});
      continue;
    }
    auto parameters = qt_parameters(e.id);
    parameters.insert(assumed.begin(), assumed.end());
    out.push_back({e.id, "Order 274 of 30.06.2023", kOrder274InForce, std::nullopt, e.summary, parameters, true});
  }
  for (const QtEntry& e : kQtReadings)
    out.push_back({e.id, "FLIS reading", kOrder274InForce, std::nullopt, e.summary, {}, false});
  for (const InterpretationEntry& e : kInterpretations)
    out.push_back({e.id, "FLIS interpretation", kInterpretationsFrom, std::nullopt, e.summary,
                   interpretation_parameters(e.id), false});
  return out;
}

}  // namespace

RuleBook::RuleBook(std::vector<RuleVersion> versions) : versions_(std::move(versions)) {
  std::stable_sort(versions_.begin(), versions_.end(), [](const RuleVersion& a, const RuleVersion& b) {
    return std::tie(a.id, a.effective_from) < std::tie(b.id, b.effective_from);
  });
}

const RuleBook& RuleBook::standard() {
  static const RuleBook book{standard_versions()};
  return book;
}

const RuleVersion* RuleBook::in_force(std::string_view id, Date on) const {
  for (const RuleVersion& v : versions_)
    if (v.id == id && v.in_force_on(on)) return &v;
  return nullptr;
}

std::vector<RuleVersion> RuleBook::versions(std::string_view id) const {
  std::vector<RuleVersion> out;
  for (const RuleVersion& v : versions_)
    if (v.id == id) out.push_back(v);
  return out;
}

std::vector<RuleVersion> RuleBook::all() const { return versions_; }

bool RuleBook::known(std::string_view id) const {
  return std::any_of(versions_.begin(), versions_.end(), [&](const RuleVersion& v) { return v.id == id; });
}

void cite(std::vector<std::string>& citations, const std::vector<std::string>& more) {
  for (const auto& id : more) {
    if (std::find(citations.begin(), citations.end(), id) == citations.end()) citations.push_back(id);
  }
}

}  // namespace flis::law
