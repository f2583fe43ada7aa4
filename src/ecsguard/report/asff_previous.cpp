// Reading the previous run's ASFF report (report/asff.h). The file is untrusted input: it is
// loaded by the scan's JSON loader (parse/json_loader.h), so size, depth, scalar and node limits
// hold and a syntax error names its line; nothing in it is followed or executed.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ecsguard/core/json_writer.h"
#include "ecsguard/i18n/message.h"
#include "ecsguard/i18n/messages.gen.h"
#include "ecsguard/parse/json_loader.h"
#include "ecsguard/report/asff.h"

namespace ecsguard::report {

namespace {

namespace msg = i18n::msg::formats::asff;

// Compact JSON of a loaded node (numbers keep their source text).
void append_node(std::string& out, const parse::Node& n) {
  switch (n.kind) {
    case parse::NodeKind::kMap: {
      out += '{';
      for (std::size_t i = 0; i < n.members.size(); ++i) {
        if (i) out += ',';
        core::append_json_string(out, n.members[i].key.text);
        out += ':';
        append_node(out, n.members[i].value);
      }
      out += '}';
      return;
    }
    case parse::NodeKind::kSeq: {
      out += '[';
      for (std::size_t i = 0; i < n.items.size(); ++i) {
        if (i) out += ',';
        append_node(out, n.items[i]);
      }
      out += ']';
      return;
    }
    case parse::NodeKind::kString:
      core::append_json_string(out, n.text);
      return;
    case parse::NodeKind::kNumber:
      out += n.text;
      return;
    case parse::NodeKind::kBool:
      out += n.boolean ? "true" : "false";
      return;
    case parse::NodeKind::kNull:
    case parse::NodeKind::kUnknown:
      out += "null";
      return;
  }
}

std::string string_member(const parse::Node& n, std::string_view key) {
  const parse::Node* v = n.find(key);
  return v && v->is_string() ? v->text : std::string();
}

core::Error invalid(std::string_view file, unsigned line, std::string reason, i18n::Lang lang) {
  return core::make_error(
      core::Errc::kInvalid,
      i18n::render(msg::PreviousInvalid{.file = file, .line = line, .reason = std::move(reason)},
                   lang));
}

}  // namespace

std::string archived_asff_finding(const PreviousAsffFinding& previous, std::string_view now) {
  std::string out = "{" + previous.members;
  if (!previous.members.empty()) out += ',';
  out += "\"UpdatedAt\":";
  core::append_json_string(out, now);
  out += R"(,"RecordState":"ARCHIVED","Compliance":{"Status":"PASSED"}})";
  return out;
}

const PreviousAsffFinding* PreviousAsff::find(const std::string& id) const noexcept {
  const auto it = by_id.find(id);
  return it == by_id.end() ? nullptr : &findings[it->second];
}

core::Result<PreviousAsff> parse_previous_asff(std::string_view text, std::string_view file,
                                               const core::Limits& limits, i18n::Lang lang) {
  auto root = parse::load_json(text, core::FileId{}, limits);
  if (!root) return invalid(file, root.error().where.line, root.error().message, lang);
  const parse::Node* list = &*root;
  if (list->is_map()) list = list->find("Findings");
  if (list == nullptr || !list->is_seq()) {
    return invalid(file, root->loc.line, "expected an array of findings or {\"Findings\": [...]}",
                   lang);
  }
  PreviousAsff out;
  for (const auto& item : list->items) {
    if (!item.is_map()) return invalid(file, item.loc.line, "a finding is not an object", lang);
    if (!string_member(item, "GeneratorId").starts_with("ecsguard/")) continue;
    PreviousAsffFinding f;
    f.id = string_member(item, "Id");
    if (f.id.empty()) return invalid(file, item.loc.line, "a finding has no Id", lang);
    f.created_at = string_member(item, "CreatedAt");
    f.archived = string_member(item, "RecordState") == "ARCHIVED";
    // Everything but what archiving rewrites, so archived_asff_finding only appends.
    for (const auto& m : item.members) {
      if (m.key.text == "RecordState" || m.key.text == "UpdatedAt" || m.key.text == "Compliance") {
        continue;
      }
      if (!f.members.empty()) f.members += ',';
      core::append_json_string(f.members, m.key.text);
      f.members += ':';
      append_node(f.members, m.value);
    }
    out.by_id[f.id] = out.findings.size();
    out.findings.push_back(std::move(f));
  }
  return out;
}

core::Result<PreviousAsff> read_previous_asff(const std::string& path, const core::Limits& limits,
                                              i18n::Lang lang) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_file_bytes) {
    return invalid(path, 0, "larger than --max-file-size", lang);
  }
  std::ifstream in(path, std::ios::binary);
  if (ec || !in) {
    return core::make_error(core::Errc::kIo,
                            i18n::render(msg::PreviousUnreadable{.file = path}, lang));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_previous_asff(ss.str(), path, limits, lang);
}

}  // namespace ecsguard::report
