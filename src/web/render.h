// Server-rendered HTML: logic-less mustache templates (kainjow) filled from a Boost.JSON view model.
// Templates are read once at start from <assets>/templates/*.mustache; a page is its own template
// rendered into the "layout" template as {{{content}}}. Templates whose name starts with "_" are
// partials: {{> _field}} renders one in the current context. {{name}} is HTML-escaped (& < > " '),
// {{{name}}} is not and is used only for HTML the portal itself produced.
// Thread-safety: Templates is immutable after load; render() may be called concurrently (each call
// parses its own copy of the template, so no kainjow object is shared between threads).
#pragma once

#include <boost/json.hpp>
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace flis::web::render {

// JSON → mustache data: objects and arrays map to objects and lists, strings stay strings, numbers
// become their shortest text, true/false stay booleans, null and "" become false (so {{#x}} skips
// them and {{x}} prints nothing).
kainjow::mustache::data to_mustache(const boost::json::value& value);

class Templates {
 public:
  Templates() = default;

  // Every <dir>/*.mustache file, named by its stem; each must parse.
  static Result<Templates> load(const std::filesystem::path& dir);
  // Named template sources (tests, embedding); each must parse.
  static Result<Templates> from_sources(std::map<std::string, std::string, std::less<>> sources);

  bool has(std::string_view name) const { return sources_.count(name) > 0; }
  // Renders template `name` with `view`. Error internal "render.unknown_template" / "render.failed".
  Result<std::string> render(std::string_view name, const boost::json::value& view) const;
  // Renders `page` and then "layout" with the same view plus "content" = the page's HTML.
  Result<std::string> render_page(std::string_view page, boost::json::object view) const;

 private:
  std::map<std::string, std::string, std::less<>> sources_;
};

}  // namespace flis::web::render
