#include "web/render.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace flis::web::render {
namespace json = boost::json;
using kainjow::mustache::data;

data to_mustache(const json::value& value) {
  switch (value.kind()) {
    case json::kind::object: {
      data out{data::type::object};
      for (const auto& [key, v] : value.get_object()) out.set(std::string(key), to_mustache(v));
      return out;
    }
    case json::kind::array: {
      data out{data::type::list};
      for (const auto& v : value.get_array()) out.push_back(to_mustache(v));
      return out;
    }
    case json::kind::string:
      // Empty text is falsy as in the mustache spec's JavaScript origin: {{#hint}} skips it, {{hint}} prints "".
      if (value.get_string().empty()) return data{data::type::bool_false};
      return data{std::string(value.get_string())};
    case json::kind::bool_:
      return data{value.get_bool() ? data::type::bool_true : data::type::bool_false};
    case json::kind::int64:
      return data{std::to_string(value.get_int64())};
    case json::kind::uint64:
      return data{std::to_string(value.get_uint64())};
    case json::kind::double_: {
      char buf[32];
      auto end = std::to_chars(buf, buf + sizeof buf, value.get_double()).ptr;
      return data{std::string(buf, end)};
    }
    case json::kind::null:
      return data{data::type::bool_false};
  }
  return data{data::type::bool_false};
}

Result<Templates> Templates::from_sources(std::map<std::string, std::string, std::less<>> sources) {
  for (const auto& [name, source] : sources) {
    kainjow::mustache::mustache parsed{source};
    if (!parsed.is_valid())
      return Error::internal("render.bad_template", "template " + name + ": " + parsed.error_message());
  }
  Templates t;
  t.sources_ = std::move(sources);
  return t;
}

Result<Templates> Templates::load(const std::filesystem::path& dir) {
  std::map<std::string, std::string, std::less<>> sources;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return Error::internal("render.read_failed", entry.path().string());
    sources[entry.path().stem().string()] = text.str();
  }
  if (ec) return Error::internal("render.read_failed", dir.string() + ": " + ec.message());
  if (sources.empty()) return Error::internal("render.no_templates", dir.string());
  return from_sources(std::move(sources));
}

Result<std::string> Templates::render(std::string_view name, const json::value& view) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) return Error::internal("render.unknown_template", std::string(name));
  kainjow::mustache::mustache tmpl{it->second};
  data root = to_mustache(view);
  // Templates named "_x" are partials, included with {{> _x}} in the current context.
  if (root.is_object())
    for (const auto& [partial_name, source] : sources_)
      if (partial_name.rfind('_', 0) == 0)
        root.set(partial_name, data{kainjow::mustache::partial{[&source] { return source; }}});
  std::string out = tmpl.render(root);
  if (!tmpl.is_valid()) return Error::internal("render.failed", std::string(name) + ": " + tmpl.error_message());
  return out;
}

Result<std::string> Templates::render_page(std::string_view page, json::object view) const {
  auto body = render(page, view);
  if (!body) return body;
  view["content"] = std::move(*body);
  return render("layout", view);
}

}  // namespace flis::web::render
