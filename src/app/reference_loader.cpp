#include "app/reference_loader.h"

#include <boost/json.hpp>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cases/reference_payloads.h"
#include "web/i18n.h"

namespace flis::app {
namespace json = boost::json;

namespace {

Result<json::value> read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::unavailable("reference.file_missing", path);
  std::stringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  auto v = json::parse(ss.str(), ec);
  if (ec) return Error::invalid("reference.bad_json", path, ec.message());
  return v;
}

std::string str(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

Date effective_from_of(const json::object& file) {
  return Date::parse(str(file, "effective_from")).value_or(Date(2023, 7, 1));
}

}  // namespace

Result<ReferenceLoadReport> load_reference_data(cases::Store& store, const std::string& data_dir,
                                                const std::string& iso_codes_dir) {
  ReferenceLoadReport report;
  auto put = [&](cases::ReferenceEntry e) -> Status { return store.upsert_reference(e); };
  // Every object of the array `list` of data file `file` into set `set`, keyed by its `code_key`, in force from
  // the file's date, confirmed unless the entry says "confirmed": false.
  auto put_entries = [&](const std::string& file, std::string_view list, const std::string& set,
                         std::string_view code_key) -> Status {
    auto read = read_json_file(data_dir + "/" + file);
    if (!read) return read.take_error();
    const auto& f = read->as_object();
    for (const auto& item : f.at(list).as_array()) {
      const auto& o = item.as_object();
      if (auto s = put({set, str(o, code_key), effective_from_of(f), std::nullopt, o,
                        !o.contains("confirmed") || o.at("confirmed").as_bool()});
          !s)
        return s;
      ++report.other;
    }
    return ok_status();
  };

  // Countries: the ISO 3166-1 list Debian ships, named in each language by ICU (CLDR display names);
  // iso-codes' English name where CLDR has none.
  auto countries = read_json_file(iso_codes_dir + "/iso_3166-1.json");
  if (!countries) return countries.take_error();
  for (const auto& c : countries->as_object().at("3166-1").as_array()) {
    const auto& o = c.as_object();
    const std::string alpha_2 = str(o, "alpha_2");
    const std::string fallback = str(o, "name");
    auto name = [&](std::string_view locale) { return web::i18n::country_name(alpha_2, locale).value_or(fallback); };
    cases::ReferenceEntry e{
        "country",
        alpha_2,
        Date(2000, 1, 1),
        std::nullopt,
        json::object{{"en", name("en")}, {"ru", name("ru")}, {"kk", name("kk")}, {"alpha_3", str(o, "alpha_3")}},
        true};
    if (auto s = put(e); !s) return s.take_error();
    ++report.countries;
  }

  // Regions (KATO top level).
  auto regions = read_json_file(data_dir + "/regions.json");
  if (!regions) return regions.take_error();
  const auto& rfile = regions->as_object();
  for (const auto& r : rfile.at("regions").as_array()) {
    const auto& o = r.as_object();
    cases::ReferenceEntry e{"region", str(o, "kato"), effective_from_of(rfile), std::nullopt, o, true};
    if (auto s = put(e); !s) return s.take_error();
    ++report.regions;
  }

  // The SE list of priority sectors, activities and professions (SE-L).
  auto list = read_json_file(data_dir + "/se_professions.json");
  if (!list) return list.take_error();
  const auto& lfile = list->as_object();
  for (const auto& sector : lfile.at("sectors").as_array()) {
    const auto& so = sector.as_object();
    for (const auto& activity : so.at("activities").as_array()) {
      const auto& ao = activity.as_object();
      for (const auto& profession : ao.at("professions").as_array()) {
        json::object p = profession.as_object();
        p["sector"] = json::object{{"ru", str(so, "ru")}, {"kk", str(so, "kk")}, {"en", str(so, "en")}};
        p["activity"] = json::object{{"ru", str(ao, "ru")}, {"kk", str(ao, "kk")}, {"en", str(ao, "en")}};
        cases::ReferenceEntry e{"se_profession", str(p, "code"), effective_from_of(lfile), std::nullopt, p, true};
        if (auto s = put(e); !s) return s.take_error();
        ++report.professions;
      }
    }
  }

  // Yearly calendar orders (transfers, Kurban Ait) and providers' working hours (I-2).
  auto calendar = read_json_file(data_dir + "/calendar.json");
  if (!calendar) return calendar.take_error();
  for (const auto& y : calendar->as_object().at("years").as_array()) {
    const auto& o = y.as_object();
    const auto year = std::to_string(o.at("year").to_number<int>());
    cases::ReferenceEntry e{"calendar_year", year, effective_from_of(calendar->as_object()),
                            std::nullopt,    o,    !o.contains("confirmed") || o.at("confirmed").as_bool()};
    if (auto s = put(e); !s) return s.take_error();
    ++report.other;
  }
  auto hours = read_json_file(data_dir + "/working_hours.json");
  if (!hours) return hours.take_error();
  const auto& hfile = hours->as_object();
  if (auto s = put(
          {"working_hours", "default", effective_from_of(hfile), std::nullopt, hfile.at("default").as_object(), true});
      !s)
    return s.take_error();
  ++report.other;
  for (const auto& o : hfile.at("overrides").as_array()) {
    const auto& entry = o.as_object();
    if (auto s = put({"working_hours", str(entry, "provider_body"), effective_from_of(hfile), std::nullopt, entry,
                      !entry.contains("confirmed") || entry.at("confirmed").as_bool()});
        !s)
      return s.take_error();
    ++report.other;
  }

  // Labour force per region and year (QT-4, F-Q2): one entry per region, in force for that year only.
  auto labour = read_json_file(data_dir + "/labour_force.json");
  if (!labour) return labour.take_error();
  const auto& labour_file = labour->as_object();
  const bool labour_confirmed = !labour_file.contains("confirmed") || labour_file.at("confirmed").as_bool();
  for (const auto& y : labour_file.at("years").as_array()) {
    const auto& yo = y.as_object();
    const int year = static_cast<int>(yo.at("year").to_number<int>());
    for (const auto& [region, n] : yo.at("regions").as_object()) {
      json::object payload{
          {"year", year}, {"labour_force", n.to_number<std::int64_t>()}, {"source", str(labour_file, "source")}};
      if (auto s = put(
              {"labour_force", std::string(region), Date(year, 1, 1), Date(year, 12, 31), payload, labour_confirmed});
          !s)
        return s.take_error();
      ++report.other;
    }
  }
  // Countries of origin with a ratified labour-migration treaty (QT-17), by ISO alpha-3.
  if (auto s = put_entries("treaty_countries.json", "countries", "treaty_country", "alpha_3"); !s)
    return s.take_error();
  // States whose documents a treaty exempts from legalization and apostille (EP-27-1, EP-A2.8 item 3, I-32),
  // by ISO alpha-2.
  if (auto s = put_entries("legalization_exempt.json", "states", "legalization_exempt", "alpha_2"); !s)
    return s.take_error();
  // The occupations classifier НК РК 01-2017 (EP-A2.8, EP-16-1): major groups and the unit groups shipped;
  // the rest is imported by an administrator.
  auto occupations = read_json_file(data_dir + "/occupations.json");
  if (!occupations) return occupations.take_error();
  const auto& ofile = occupations->as_object();
  for (const char* level : {"major_groups", "occupations"})
    for (const auto& item : ofile.at(level).as_array()) {
      json::object o = item.as_object();
      o["level"] = std::string_view(level) == "major_groups" ? "major_group" : "unit_group";
      const std::string code = str(o, "code");
      if (auto s = put({"occupation", code, effective_from_of(ofile), std::nullopt, std::move(o),
                        ofile.contains("confirmed") && ofile.at("confirmed").as_bool()});
          !s)
        return s.take_error();
      ++report.other;
    }
  // EP-16-1: the qualification requirements per unit group of НК РК 01-2017 (minimum education level and
  // years of experience, and the document they come from); an administrator imports the registers' values.
  if (auto s = put_entries("qualification_requirements.json", "requirements", "qualification_requirement", "code"); !s)
    return s.take_error();
  // Districts (second KATO level) that issue LI permits (LI-4) and may hold a share of their
  // region's labour-immigrant quota (I-15); the full classifier is imported by an administrator.
  if (auto s = put_entries("districts.json", "districts", "district", "kato"); !s) return s.take_error();
  return report;
}

Result<law::WorkingCalendar> calendar_from_reference(cases::Store& store) {
  auto years = law::WorkingCalendar::kazakhstan_year_data();
  auto entries = store.reference_set("calendar_year");
  if (!entries) return entries.take_error();
  // The newest version of each year an administrator entered replaces the built-in data of that year.
  std::map<int, const cases::ReferenceEntry*> newest;
  for (const auto& e : *entries) {
    int year = std::atoi(e.code.c_str());
    if (!newest.count(year) || newest[year]->effective_from < e.effective_from) newest[year] = &e;
  }
  auto dates = [](const json::object& o, std::string_view key) {
    std::vector<Date> out;
    if (auto* v = o.if_contains(key); v && v->is_array())
      for (const auto& d : v->as_array()) {
        // Either "YYYY-MM-DD" or {"date": "YYYY-MM-DD", "reason": "..."}.
        std::string text = d.is_string() ? std::string(d.as_string()) : d.is_object() ? str(d.as_object(), "date") : "";
        if (auto parsed = Date::parse(text)) out.push_back(*parsed);
      }
    return out;
  };
  for (const auto& [year, e] : newest) {
    law::CalendarYearData data;
    data.year = year;
    data.kurban_ait = Date::parse(str(e->payload, "kurban_ait"));
    data.extra_days_off = dates(e->payload, "extra_days_off");
    data.working_days_by_decree = dates(e->payload, "working_days_by_decree");
    std::erase_if(years, [&](const law::CalendarYearData& y) { return y.year == year; });
    years.push_back(std::move(data));
  }
  return law::WorkingCalendar(std::move(years));
}

Result<std::map<std::string, law::WorkingHours>> working_hours_from_reference(cases::Store& store) {
  std::map<std::string, law::WorkingHours> out;
  auto entries = store.reference_set("working_hours");
  if (!entries) return entries.take_error();
  auto minute = [](const std::string& hhmm, int fallback) {
    if (hhmm.size() != 5 || hhmm[2] != ':') return fallback;
    return std::atoi(hhmm.substr(0, 2).c_str()) * 60 + std::atoi(hhmm.substr(3, 2).c_str());
  };
  for (const auto& e : *entries) {
    const auto hours = cases::payload_of<cases::WorkingHoursPayload>(e);
    law::WorkingHours h;
    h.open_minute = minute(hours.open, h.open_minute);
    h.close_minute = minute(hours.close, h.close_minute);
    out[e.code] = h;
  }
  return out;
}

}  // namespace flis::app
