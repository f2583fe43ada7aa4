#include "ecsguard/policy/baseline.h"

#include <map>
#include <nlohmann/json.hpp>

#include "ecsguard/core/file_io.h"
#include "ecsguard/core/json_writer.h"
#include "ecsguard/i18n/messages.gen.h"

namespace ecsguard::policy {

namespace {

namespace msg = i18n::msg::policy;

constexpr std::size_t kMaxBaselineBytes = std::size_t{64} << 20U;

core::Error bad(const std::string& path, std::string reason, i18n::Lang lang) {
  return core::make_error(
      core::Errc::kUsage,
      i18n::render(msg::BaselineInvalid{.path = path, .reason = std::move(reason)}, lang));
}

}  // namespace

std::string baseline_resource(const engine::Finding& f) {
  return f.resource_type + "." + f.resource_name;
}

bool Baseline::contains(const engine::Finding& f) const {
  if (!f.fingerprint.empty() && fingerprints.contains(f.fingerprint)) return true;
  return entries.contains({f.file, baseline_resource(f), std::string(f.id())});
}

core::Result<Baseline> load_baseline(const std::string& path, i18n::Lang lang) {
  auto text = core::read_regular_file(path, kMaxBaselineBytes);
  if (!text) return bad(path, text.error().message, lang);
  Baseline b;
  b.path = path;
  const auto doc = nlohmann::json::parse(*text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return bad(path, "not a JSON object", lang);
  const auto checks = doc.find("failed_checks");
  if (checks == doc.end() || !checks->is_array()) return bad(path, "no failed_checks list", lang);
  for (const auto& file : *checks) {
    if (!file.is_object() || !file.contains("file") || !file["file"].is_string()) {
      return bad(path, "a failed_checks entry without a file", lang);
    }
    const std::string name = file["file"].get<std::string>();
    for (const auto& f : file.value("findings", nlohmann::json::array())) {
      if (!f.is_object() || !f.contains("resource") || !f["resource"].is_string()) {
        return bad(path, "a finding without a resource", lang);
      }
      for (const auto& id : f.value("check_ids", nlohmann::json::array())) {
        if (id.is_string()) b.entries.emplace(name, f["resource"].get<std::string>(), id);
      }
    }
  }
  for (const auto& fp : doc.value("fingerprints", nlohmann::json::array())) {
    if (fp.is_string()) b.fingerprints.insert(fp.get<std::string>());
  }
  return b;
}

void write_baseline(std::span<const engine::Finding> findings, std::ostream& out) {
  std::map<std::string, std::map<std::string, std::set<std::string>>> by_file;
  std::set<std::string> fingerprints;
  for (const auto& f : findings) {
    if (f.suppressed()) continue;
    by_file[f.file][baseline_resource(f)].insert(std::string(f.id()));
    if (!f.fingerprint.empty()) fingerprints.insert(f.fingerprint);
  }
  core::JsonWriter w(out);
  w.begin_object();
  w.key("failed_checks").begin_array();
  for (const auto& [file, resources] : by_file) {
    w.begin_object();
    w.member("file", file);
    w.key("findings").begin_array();
    for (const auto& [resource, ids] : resources) {
      w.begin_object();
      w.member("resource", resource);
      w.key("check_ids").begin_array();
      for (const auto& id : ids) w.value(id);
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("fingerprints").begin_array();
  for (const auto& fp : fingerprints) w.value(fp);
  w.end_array();
  w.end_object();
  w.flush();
}

}  // namespace ecsguard::policy
