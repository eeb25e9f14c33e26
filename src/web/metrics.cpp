#include "web/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include <fmt/format.h>

#include "web/log.h"

namespace flis::web::metrics {
namespace {

[[noreturn]] void fail(const std::string& why) {
  std::fprintf(stderr, "flis::web::metrics: %s\n", why.c_str());
  std::abort();
}

bool valid_name(const std::string& name, bool allow_colon) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allow_colon && c == ':') ||
                    (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

void check_names(const std::string& name, const std::vector<std::string>& label_names) {
  if (!valid_name(name, true)) fail("bad metric name: " + name);
  for (const auto& label : label_names) {
    if (!valid_name(label, false) || label.starts_with("__") || label == "le") fail("bad label name: " + label);
  }
}

void check_arity(const std::string& name, const std::vector<std::string>& label_names, const LabelValues& values) {
  if (values.size() != label_names.size()) fail("wrong number of label values for " + name);
}

void append_escaped_label_value(std::string& out, const std::string& value) {
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

void append_help_text(std::string& out, const std::string& help) {
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

void append_header(std::string& out, const std::string& name, const std::string& help, std::string_view type) {
  out += "# HELP " + name + " ";
  append_help_text(out, help);
  out += "\n# TYPE " + name + " ";
  out.append(type);
  out += '\n';
}

// `{a="x",b="y"}`, or nothing without labels; `extra` is appended last (the histogram's le).
void append_labels(std::string& out, const std::vector<std::string>& names, const LabelValues& values,
                   const std::string& extra_name = {}, const std::string& extra_value = {}) {
  if (names.empty() && extra_name.empty()) return;
  out += '{';
  bool first = true;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!first) out += ',';
    first = false;
    out += names[i] + "=\"";
    append_escaped_label_value(out, values[i]);
    out += '"';
  }
  if (!extra_name.empty()) {
    if (!first) out += ',';
    out += extra_name + "=\"" + extra_value + "\"";
  }
  out += '}';
}

}  // namespace

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

std::vector<double> default_duration_buckets() { return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}; }

Counter::Counter(std::string name, std::string help, std::vector<std::string> label_names)
    : name_(std::move(name)), help_(std::move(help)), label_names_(std::move(label_names)) {
  check_names(name_, label_names_);
}

void Counter::inc(const LabelValues& labels, double amount) {
  check_arity(name_, label_names_, labels);
  std::lock_guard lock(mu_);
  values_[labels] += amount;
}

double Counter::value(const LabelValues& labels) const {
  std::lock_guard lock(mu_);
  auto it = values_.find(labels);
  return it == values_.end() ? 0.0 : it->second;
}

void Counter::render(std::string& out) const {
  append_header(out, name_, help_, "counter");
  std::lock_guard lock(mu_);
  for (const auto& [labels, value] : values_) {
    out += name_;
    append_labels(out, label_names_, labels);
    out += ' ' + format_number(value) + '\n';
  }
}

Histogram::Histogram(std::string name, std::string help, std::vector<std::string> label_names,
                     std::vector<double> bounds)
    : name_(std::move(name)), help_(std::move(help)), label_names_(std::move(label_names)), bounds_(std::move(bounds)) {
  check_names(name_, label_names_);
  if (bounds_.empty() || !std::is_sorted(bounds_.begin(), bounds_.end()) ||
      std::adjacent_find(bounds_.begin(), bounds_.end()) != bounds_.end()) {
    fail("histogram bounds must be non-empty and strictly increasing: " + name_);
  }
}

void Histogram::observe(const LabelValues& labels, double value) {
  check_arity(name_, label_names_, labels);
  std::lock_guard lock(mu_);
  Series& series = series_[labels];
  if (series.buckets.empty()) series.buckets.assign(bounds_.size(), 0);
  const auto bucket = std::lower_bound(bounds_.begin(), bounds_.end(), value);  // le: value <= bound
  if (bucket != bounds_.end()) ++series.buckets[static_cast<std::size_t>(bucket - bounds_.begin())];
  series.sum += value;
  ++series.count;
}

std::uint64_t Histogram::count(const LabelValues& labels) const {
  std::lock_guard lock(mu_);
  auto it = series_.find(labels);
  return it == series_.end() ? 0 : it->second.count;
}

void Histogram::render(std::string& out) const {
  append_header(out, name_, help_, "histogram");
  std::lock_guard lock(mu_);
  for (const auto& [labels, series] : series_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds_.size(); ++i) {
      cumulative += series.buckets[i];
      out += name_ + "_bucket";
      append_labels(out, label_names_, labels, "le", format_number(bounds_[i]));
      out += ' ' + std::to_string(cumulative) + '\n';
    }
    out += name_ + "_bucket";
    append_labels(out, label_names_, labels, "le", "+Inf");
    out += ' ' + std::to_string(series.count) + '\n';
    out += name_ + "_sum";
    append_labels(out, label_names_, labels);
    out += ' ' + format_number(series.sum) + '\n';
    out += name_ + "_count";
    append_labels(out, label_names_, labels);
    out += ' ' + std::to_string(series.count) + '\n';
  }
}

Counter& Registry::counter(const std::string& name, const std::string& help, std::vector<std::string> label_names) {
  std::lock_guard lock(mu_);
  if (histograms_.count(name) || gauges_.count(name)) fail("metric name registered with another type: " + name);
  auto& slot = counters_[name];
  if (!slot) {
    slot = std::make_unique<Counter>(name, help, std::move(label_names));
  } else if (slot->label_names() != label_names) {
    fail("metric registered again with other labels: " + name);
  }
  return *slot;
}

Histogram& Registry::histogram(const std::string& name, const std::string& help, std::vector<std::string> label_names,
                               std::vector<double> bounds) {
  std::lock_guard lock(mu_);
  if (counters_.count(name) || gauges_.count(name)) fail("metric name registered with another type: " + name);
  auto& slot = histograms_[name];
  if (!slot) {
    slot = std::make_unique<Histogram>(name, help, std::move(label_names), std::move(bounds));
  } else if (slot->label_names() != label_names) {
    fail("metric registered again with other labels: " + name);
  }
  return *slot;
}

void Registry::gauge(const std::string& name, const std::string& help, std::vector<std::string> label_names,
                     GaugeCallback callback) {
  check_names(name, label_names);
  std::lock_guard lock(mu_);
  if (counters_.count(name) || histograms_.count(name)) fail("metric name registered with another type: " + name);
  gauges_[name] = std::make_shared<Gauge>(Gauge{help, std::move(label_names), std::move(callback)});
}

std::string Registry::render() const {
  // Snapshot the families, then render without the registry lock so that slow gauge callbacks (store
  // queries) do not block registration or metric updates.
  std::vector<std::pair<std::string, std::function<void(std::string&)>>> families;
  {
    std::lock_guard lock(mu_);
    for (const auto& [name, counter] : counters_) {
      families.emplace_back(name, [c = counter.get()](std::string& out) { c->render(out); });
    }
    for (const auto& [name, histogram] : histograms_) {
      families.emplace_back(name, [h = histogram.get()](std::string& out) { h->render(out); });
    }
    for (const auto& [family_name, gauge] : gauges_) {
      families.emplace_back(family_name, [name = family_name, gauge](std::string& out) {
        std::vector<GaugeSample> samples;
        try {
          samples = gauge->callback();
        } catch (const std::exception& e) {
          log::error("gauge callback failed", {{"metric", name}, {"error", e.what()}});
          return;
        }
        append_header(out, name, gauge->help, "gauge");
        std::sort(samples.begin(), samples.end(),
                  [](const GaugeSample& a, const GaugeSample& b) { return a.labels < b.labels; });
        for (const auto& sample : samples) {
          if (sample.labels.size() != gauge->label_names.size()) {
            log::error("gauge sample has the wrong number of labels", {{"metric", name}});
            continue;
          }
          out += name;
          append_labels(out, gauge->label_names, sample.labels);
          out += ' ' + format_number(sample.value) + '\n';
        }
      });
    }
  }
  std::sort(families.begin(), families.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [name, render_family] : families) render_family(out);
  return out;
}

}  // namespace flis::web::metrics
