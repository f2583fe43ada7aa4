// OSV JSON -> Advisory (parse::load_json gives every node its line), and the directory loader.
#include "ecsguard/vuln/osv.h"

#include <algorithm>
#include <string>
#include <system_error>
#include <utility>

#include "ecsguard/core/file_io.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/core/strings.h"
#include "ecsguard/parse/json_loader.h"
#include "ecsguard/vuln/messages.h"

namespace ecsguard::vuln {

namespace {

using parse::Node;

struct Failure {
  core::Error error;
};

class Reader {
 public:
  explicit Reader(const OsvLimits& limits) : limits_(limits) {}

  Advisory advisory(const Node& root) {
    if (!root.is_map()) fail("osv.not-an-object", root.loc);
    Advisory a;
    a.loc = root.loc;
    const Node* id = root.find("id");
    if (id == nullptr || !id->is_string() || id->text.empty()) fail("osv.missing-id", root.loc);
    a.id = id->text;
    a.summary = optional_string(root, "summary");
    a.withdrawn = !optional_string(root, "withdrawn").empty();
    for (const Node* alias : strings(root, "aliases")) a.aliases.push_back(alias->text);
    severity(root, a);
    const Node* affected = array(root, "affected");
    if (affected != nullptr) {
      if (affected->items.size() > limits_.max_affected) {
        fail("osv.limit-affected", affected->loc,
             {{"limit", std::to_string(limits_.max_affected)}});
      }
      for (const Node& e : affected->items) a.affected.push_back(affected_entry(e));
    }
    return a;
  }

 private:
  [[noreturn]] static void fail(std::string_view id, core::Loc at,
                                const parse::detail::MessageArgs& args = {}) {
    throw Failure{osv_error(core::Errc::kInvalid, id, at, args)};
  }
  [[noreturn]] static void wrong(const Node& n, std::string_view field, std::string_view expected) {
    fail("osv.bad-field", n.loc,
         {{"field", std::string(field)}, {"expected", std::string(expected)}});
  }

  static const Node* array(const Node& parent, std::string_view key) {
    const Node* n = parent.find(key);
    if (n == nullptr || n->is_null()) return nullptr;
    if (!n->is_seq()) wrong(*n, key, "an array");
    return n;
  }
  static const Node* object(const Node& parent, std::string_view key) {
    const Node* n = parent.find(key);
    if (n == nullptr || n->is_null()) return nullptr;
    if (!n->is_map()) wrong(*n, key, "an object");
    return n;
  }
  static std::string optional_string(const Node& parent, std::string_view key) {
    const Node* n = parent.find(key);
    if (n == nullptr || n->is_null()) return {};
    if (!n->is_string()) wrong(*n, key, "a string");
    return n->text;
  }
  static std::vector<const Node*> strings(const Node& parent, std::string_view key) {
    std::vector<const Node*> out;
    const Node* a = array(parent, key);
    if (a == nullptr) return out;
    for (const Node& s : a->items) {
      if (!s.is_string()) wrong(s, key, "an array of strings");
      out.push_back(&s);
    }
    return out;
  }

  // `database_specific.severity` (GitHub and others) or `ecosystem_specific.urgency` (Debian).
  static std::optional<core::Severity> text_severity(const Node& n) {
    for (const auto& [obj, key] :
         {std::pair{"database_specific", "severity"}, std::pair{"ecosystem_specific", "urgency"}}) {
      const Node* o = n.find(obj);
      if (o == nullptr || !o->is_map()) continue;
      const Node* s = o->find(key);
      if (s != nullptr && s->is_string()) {
        if (const auto v = severity_from_text(s->text)) return v;
      }
    }
    return std::nullopt;
  }

  static void severity(const Node& root, Advisory& a) {
    if (const Node* list = array(root, "severity")) {
      for (const Node& s : list->items) {
        if (!s.is_map()) wrong(s, "severity", "an array of objects");
        const Node* score = s.find("score");
        if (score == nullptr || !score->is_string()) continue;
        if (const auto base = cvss3_base_score(score->text)) {
          a.score = *base;
          a.severity = rating(*base);
          return;
        }
      }
    }
    a.severity = text_severity(root);
  }

  std::vector<Event> range(const Node& r) {
    std::vector<Event> out;
    const Node* events = array(r, "events");
    if (events == nullptr) return out;
    if (events->items.size() > limits_.max_events) {
      fail("osv.limit-events", events->loc, {{"limit", std::to_string(limits_.max_events)}});
    }
    for (const Node& e : events->items) {
      if (!e.is_map() || e.members.empty()) wrong(e, "events", "an array of objects");
      const auto& m = e.members.front();
      if (!m.value.is_string()) wrong(m.value, m.key.text, "a string");
      Event ev;
      ev.version = m.value.text;
      const std::string& k = m.key.text;
      if (k == "introduced") {
        ev.type = EventType::kIntroduced;
      } else if (k == "fixed") {
        ev.type = EventType::kFixed;
      } else if (k == "last_affected") {
        ev.type = EventType::kLastAffected;
      } else if (k == "limit") {
        ev.type = EventType::kLimit;
      } else {
        continue;  // unknown event kinds are ignored, as the schema allows extensions
      }
      out.push_back(std::move(ev));
    }
    return out;
  }

  Affected affected_entry(const Node& e) {
    if (!e.is_map()) wrong(e, "affected", "an array of objects");
    Affected out;
    if (const Node* pkg = object(e, "package")) {
      out.ecosystem = optional_string(*pkg, "ecosystem");
      out.name = optional_string(*pkg, "name");
    }
    if (const Node* ranges = array(e, "ranges")) {
      for (const Node& r : ranges->items) {
        if (!r.is_map()) wrong(r, "ranges", "an array of objects");
        if (optional_string(r, "type") != "ECOSYSTEM") continue;
        out.ranges.push_back(range(r));
      }
    }
    for (const Node* v : strings(e, "versions")) out.versions.push_back(v->text);
    out.severity = text_severity(e);
    return out;
  }

  const OsvLimits& limits_;
};

core::Limits json_limits(const OsvLimits& l) {
  core::Limits j;
  j.max_file_bytes = l.max_file_bytes;
  j.max_depth = 64;
  j.max_scalar_bytes = l.max_file_bytes;
  j.max_nodes = 2'000'000;
  return j;
}

}  // namespace

core::Error osv_error(core::Errc code, std::string_view id, core::Loc at,
                      const parse::detail::MessageArgs& args) {
  return core::make_error(
      code, parse::detail::render_message(kMessages, id, parse::detail::Lang::kEn, args), at);
}

core::Result<Advisory> parse_osv(std::string_view text, core::FileId file,
                                 const OsvLimits& limits) {
  if (text.size() > limits.max_file_bytes) {
    return osv_error(core::Errc::kLimit, "osv.limit-file-size", core::Loc{file, 1, 1},
                     {{"limit", std::to_string(limits.max_file_bytes)}});
  }
  auto doc = parse::load_json(text, file, json_limits(limits));
  if (!doc.ok()) return std::move(doc).error();
  try {
    return Reader(limits).advisory(doc.value());
  } catch (const Failure& f) {
    return f.error;
  }
}

OsvLoad load_osv_dir(const std::filesystem::path& dir, core::FileTable& files,
                     const OsvLimits& limits) {
  namespace fs = std::filesystem;
  OsvLoad out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.errors.push_back(
        osv_error(core::Errc::kIo, "osv.not-a-directory", {}, {{"path", dir.string()}}));
    return out;
  }
  std::vector<fs::path> paths;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->is_symlink(ec) || it->path().extension() != ".json")
      continue;
    if (paths.size() >= limits.max_files) {
      out.errors.push_back(osv_error(core::Errc::kLimit, "osv.limit-files", {},
                                     {{"limit", std::to_string(limits.max_files)}}));
      break;
    }
    paths.push_back(it->path());
  }
  std::sort(paths.begin(), paths.end());  // file ids and order independent of the file system
  for (const auto& p : paths) {
    const core::FileId id = files.add(p.string());
    auto text = core::read_regular_file(p.string(), limits.max_file_bytes);
    ++out.files;
    if (!text.ok()) {
      out.errors.push_back(osv_error(text.error().code, "osv.read-failed", core::Loc{id, 0, 0},
                                     {{"path", p.string()}, {"reason", text.error().message}}));
      continue;
    }
    auto adv = parse_osv(text.value(), id, limits);
    if (adv.ok() && adv->withdrawn) {
      ++out.withdrawn;
    } else if (adv.ok()) {
      out.advisories.push_back(std::move(adv).value());
    } else {
      out.errors.push_back(std::move(adv).error());
    }
  }
  return out;
}

}  // namespace ecsguard::vuln
