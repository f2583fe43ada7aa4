// YAML -> parse::Node with libyaml's event API, read the way CloudFormation reads a template.
//
// Only the first document of a stream is loaded (later documents are not even parsed).
//
// CloudFormation short-form tags become their long forms: `!Ref X` -> {"Ref": "X"},
// `!Condition X` -> {"Condition": "X"}, `!Sub ...` -> {"Fn::Sub": ...} and so on for every
// intrinsic in kIntrinsics; `!GetAtt A.B` (a scalar) -> {"Fn::GetAtt": ["A", "B"]} split at the
// first dot (a sequence form stays a sequence). The produced map and its key carry the location of
// the tag; the wrapped value carries its own. The scalar under a short-form tag is a string (an
// explicit tag turns off implicit typing, as in cfn-lint and the AWS CLI, which construct it with
// construct_scalar). Any other local tag is a kUnsupported error.
//
// Plain (unquoted, untagged) scalars are typed the way CloudFormation types them. CloudFormation
// documents "the YAML Version 1.1 specification with a few exceptions" (no binary, omap, pairs,
// set and timestamp tags; aliases and hash merges are listed as unsupported too), see
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
// What the service does with YAML 1.1 look-alikes, as observed and reported:
//   * yes/no/on/off are booleans: unquoted `Value: YES` / `NO` in a template deployed as is became
//     the tag values "true"/"false" (ASFHyP3/hyp3 pull request #2061); aws/aws-cli#5245 reports
//     that the service reads YAML 1.1, so a bare `yes` written by `aws cloudformation package` is
//     read as true, which led to aws/aws-cli pull request #5257 (the CLI now quotes every YAML 1.1
//     boolean when it writes templates); unquoted `on`/`off` reaching the service as booleans
//     is reported in alienplatform/alien pull request #302 (see also aws-cloudformation/rain#480).
//   * y/n (and Y/N) are NOT booleans for the service: aws/aws-cli#7805 is a template with
//     `FunctionName: y` that deploys as is and broke only when `aws cloudformation package`
//     (aws-cli >= 2.11.8) rewrote `y` as a boolean; aws-cli pull request #7931 made the CLI leave
//     Y/N alone again.
//   * cfn-lint agrees: its decoder (cfnlint/decode/cfn_yaml.py) builds on PyYAML's SafeConstructor
//     and default YAML 1.1 Resolver, whose bool set is yes|Yes|YES|no|No|NO|true|True|TRUE|
//     false|False|FALSE|on|On|ON|off|Off|OFF (no y/n). SnakeYAML's YAML 1.1 Resolver has the same
//     set, and its INT/FLOAT patterns match what a user observed the service do with an unquoted
//     12-digit account id: 012345678901 became 1.2345678901E10, a float, because that FLOAT
//     pattern needs no dot (https://www.skyarch.net/blog/?p=20495).
// So, for plain scalars:
//   * true/false in any letter case -> kBool (a mixed-case "tRuE" is a string to YAML 1.1, but a
//     property reader that compares case-insensitively would take it as a boolean, so kBool is
//     the cautious reading for a security scanner);
//   * yes/no/on/off as YAML 1.1 spells them (lower, Capitalised, UPPER) -> kBool (yes/on = true);
//   * y/Y/n/N -> kString;
//   * null/Null/NULL/~/empty -> kNull;
//   * YAML 1.1 int and float forms (decimal, 0x hex, 0b binary, leading-0 octal, `_` separators,
//     base-60 `1:30`, exponents, .5, .inf, .nan) -> kNumber keeping the exact source text, so a
//     consumer sees "0123" and not 83;
//   * everything else, including an unquoted 2012-10-17 (a YAML 1.1 timestamp, which CloudFormation
//     does not support as a type) -> kString with its exact text.
// Quoted, literal (|) and folded (>) scalars are kString with Node::quoted = true. Standard tags
// are honoured: !!str (kString, quoted), !!int / !!float (kNumber, must look like one), !!bool,
// !!null, !!binary / !!timestamp (kString), !!seq / !!map / !!omap / !!pairs / !!set on
// collections.
//
// Mapping keys must be scalars (a sequence or mapping key is kUnsupported); a key node is always
// kString with the key's exact text. Duplicate keys: the last one wins, in the earlier slot (as in
// the JSON loader).
//
// Anchors and aliases: the AWS page above lists aliases and merge keys as unsupported by the
// service, but cfn-lint, the AWS CLI (`package` flattens aliases) and SAM accept them, so they are
// expanded: an alias becomes a copy of the anchored subtree, keeping the anchored nodes' locations
// (a finding points at the text that defines the value). Every copy counts against
// Limits::max_nodes (the anchor table's copies too) and Limits::max_depth, and alias dereferences
// against Limits::max_alias_expansions, so a "billion laughs" document fails with kLimit after at
// most max_nodes copied nodes. Merge keys (`<<: *base`, `<<: [*a, *b]`) are honoured: keys of the
// mapping itself win, then earlier merge sources win over later ones; merged members are appended
// after the mapping's own members.
//
// Positions: libyaml marks are 0-based and count characters; node locations are 1-based (line,
// column in code points). A node with properties (tag, anchor) is located at its content, found by
// skipping the properties in the source text.
#include "ecsguard/parse/yaml_loader.h"

#include <yaml.h>

#include <array>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ecsguard/core/strings.h"
#include "ecsguard/parse/detail/key_index.h"
#include "ecsguard/parse/detail/text_position.h"
#include "ecsguard/parse/json_loader.h"

namespace ecsguard::parse {

namespace {

using core::Errc;
using core::Error;

// ---------------------------------------------------------------------------------------------
// Tags

struct Intrinsic {
  std::string_view tag;
  std::string_view key;
};

// Short forms CloudFormation accepts (condition and rule functions included). !Ref and !Condition
// have no "Fn::" prefix.
constexpr std::array<Intrinsic, 27> kIntrinsics = {{
    {"!Ref", "Ref"},
    {"!Condition", "Condition"},
    {"!Base64", "Fn::Base64"},
    {"!Cidr", "Fn::Cidr"},
    {"!FindInMap", "Fn::FindInMap"},
    {"!GetAtt", "Fn::GetAtt"},
    {"!GetAZs", "Fn::GetAZs"},
    {"!ImportValue", "Fn::ImportValue"},
    {"!Join", "Fn::Join"},
    {"!Select", "Fn::Select"},
    {"!Split", "Fn::Split"},
    {"!Sub", "Fn::Sub"},
    {"!Transform", "Fn::Transform"},
    {"!Length", "Fn::Length"},
    {"!ToJsonString", "Fn::ToJsonString"},
    {"!ForEach", "Fn::ForEach"},
    {"!And", "Fn::And"},
    {"!Equals", "Fn::Equals"},
    {"!If", "Fn::If"},
    {"!Not", "Fn::Not"},
    {"!Or", "Fn::Or"},
    {"!Contains", "Fn::Contains"},
    {"!EachMemberEquals", "Fn::EachMemberEquals"},
    {"!EachMemberIn", "Fn::EachMemberIn"},
    {"!RefAll", "Fn::RefAll"},
    {"!ValueOf", "Fn::ValueOf"},
    {"!ValueOfAll", "Fn::ValueOfAll"},
}};

constexpr std::string_view kYamlTagPrefix = "tag:yaml.org,2002:";

enum class TagKind : std::uint8_t {
  kNone,         // no tag: implicit typing
  kNonSpecific,  // "!": a string / plain collection
  kStr,
  kInt,
  kFloat,
  kBool,
  kNull,
  kBinary,     // !!binary, !!timestamp: kept as text
  kSeq,        // !!seq, !!omap, !!pairs
  kMap,        // !!map, !!set
  kMerge,      // !!merge
  kIntrinsic,  // a CloudFormation short form
  kUnknown,
};

struct TagInfo {
  TagKind kind = TagKind::kNone;
  std::string_view intrinsic;  // long-form key for kIntrinsic
};

TagInfo classify_tag(const yaml_char_t* raw) {
  if (raw == nullptr) return {};
  const std::string_view tag(reinterpret_cast<const char*>(raw));
  if (tag == "!") return {TagKind::kNonSpecific, {}};
  if (tag.substr(0, kYamlTagPrefix.size()) == kYamlTagPrefix) {
    const std::string_view t = tag.substr(kYamlTagPrefix.size());
    if (t == "str") return {TagKind::kStr, {}};
    if (t == "int") return {TagKind::kInt, {}};
    if (t == "float") return {TagKind::kFloat, {}};
    if (t == "bool") return {TagKind::kBool, {}};
    if (t == "null") return {TagKind::kNull, {}};
    if (t == "binary" || t == "timestamp") return {TagKind::kBinary, {}};
    if (t == "seq" || t == "omap" || t == "pairs") return {TagKind::kSeq, {}};
    if (t == "map" || t == "set") return {TagKind::kMap, {}};
    if (t == "merge") return {TagKind::kMerge, {}};
    return {TagKind::kUnknown, {}};
  }
  for (const Intrinsic& in : kIntrinsics) {
    if (in.tag == tag) return {TagKind::kIntrinsic, in.key};
  }
  return {TagKind::kUnknown, {}};
}

std::string display_tag(const yaml_char_t* raw) {
  std::string tag(reinterpret_cast<const char*>(raw));
  if (tag.substr(0, kYamlTagPrefix.size()) == kYamlTagPrefix) {
    return "!!" + tag.substr(kYamlTagPrefix.size());
  }
  return tag;
}

// ---------------------------------------------------------------------------------------------
// Plain scalar typing (see the top of the file for the sources)

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

bool is_yaml11_bool(std::string_view s, bool& value) noexcept {
  if (core::iequals(s, "true")) {
    value = true;
    return true;
  }
  if (core::iequals(s, "false")) {
    value = false;
    return true;
  }
  static constexpr std::array<std::string_view, 6> kTrue = {"yes", "Yes", "YES", "on", "On", "ON"};
  static constexpr std::array<std::string_view, 6> kFalse = {"no", "No", "NO", "off", "Off", "OFF"};
  for (std::string_view t : kTrue) {
    if (s == t) {
      value = true;
      return true;
    }
  }
  for (std::string_view f : kFalse) {
    if (s == f) {
      value = false;
      return true;
    }
  }
  return false;
}

bool is_yaml11_null(std::string_view s) noexcept {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// (:[0-5]?[0-9])+ starting at s[i]; advances i. True if at least one group matched.
bool match_base60_tail(std::string_view s, std::size_t& i) noexcept {
  std::size_t groups = 0;
  while (i < s.size() && s[i] == ':') {
    std::size_t j = i + 1;
    if (j + 1 < s.size() && s[j] >= '0' && s[j] <= '5' && is_digit(s[j + 1])) {
      j += 2;
    } else if (j < s.size() && is_digit(s[j])) {
      j += 1;
    } else {
      break;
    }
    i = j;
    ++groups;
  }
  return groups > 0;
}

// YAML 1.1 int (SnakeYAML / PyYAML Resolver):
//   [-+]?0b[0-1_]+ | [-+]?0[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
//   | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+
bool is_yaml11_int(std::string_view s) noexcept {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::string_view r = s.substr(i);
  if (r.empty()) return false;
  auto all_of = [](std::string_view t, auto pred) {
    if (t.empty()) return false;
    for (char c : t) {
      if (!pred(c)) return false;
    }
    return true;
  };
  if (r.size() > 2 && r[0] == '0' && r[1] == 'b') {
    return all_of(r.substr(2), [](char c) { return c == '0' || c == '1' || c == '_'; });
  }
  if (r.size() > 2 && r[0] == '0' && r[1] == 'x') {
    return all_of(r.substr(2), [](char c) {
      return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_';
    });
  }
  if (r == "0") return true;
  if (r[0] == '0') {
    return all_of(r.substr(1), [](char c) { return (c >= '0' && c <= '7') || c == '_'; });
  }
  if (r[0] < '1' || r[0] > '9') return false;
  std::size_t j = 1;
  while (j < r.size() && (is_digit(r[j]) || r[j] == '_')) ++j;
  if (j == r.size()) return true;
  return match_base60_tail(r, j) && j == r.size();
}

// YAML 1.1 float (SnakeYAML Resolver), except that a run of [0-9_] must hold a digit:
//   [-+]?(\.[0-9]+|[0-9_]+(\.[0-9_]*)?)([eE][-+]?[0-9]+)?
//   | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)
bool is_yaml11_float(std::string_view s) noexcept {
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::string_view r = s.substr(i);
  if (r == ".inf" || r == ".Inf" || r == ".INF") return true;
  if (r.empty()) return false;
  auto exponent = [&r](std::size_t& j) {
    if (j < r.size() && (r[j] == 'e' || r[j] == 'E')) {
      std::size_t k = j + 1;
      if (k < r.size() && (r[k] == '+' || r[k] == '-')) ++k;
      if (k >= r.size() || !is_digit(r[k])) return false;
      while (k < r.size() && is_digit(r[k])) ++k;
      j = k;
    }
    return true;
  };
  std::size_t j = 0;
  if (r[0] == '.') {
    j = 1;
    if (j >= r.size() || !is_digit(r[j])) return false;
    while (j < r.size() && is_digit(r[j])) ++j;
    return exponent(j) && j == r.size();
  }
  bool digit = false;
  while (j < r.size() && (is_digit(r[j]) || r[j] == '_')) {
    digit = digit || is_digit(r[j]);
    ++j;
  }
  if (j == 0) return false;
  if (digit) {
    std::size_t k = j;
    if (k < r.size() && r[k] == '.') {
      ++k;
      while (k < r.size() && (is_digit(r[k]) || r[k] == '_')) ++k;
    }
    if (exponent(k) && k == r.size()) return true;
  }
  // Base 60 with a fraction: [0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*
  if (!is_digit(r[0])) return false;
  std::size_t k = 1;
  while (k < r.size() && (is_digit(r[k]) || r[k] == '_')) ++k;
  if (!match_base60_tail(r, k) || k >= r.size() || r[k] != '.') return false;
  ++k;
  while (k < r.size() && (is_digit(r[k]) || r[k] == '_')) ++k;
  return k == r.size();
}

bool is_yaml11_number(std::string_view s) noexcept {
  if (s.empty()) return false;
  const char c = s[0];
  if (!is_digit(c) && c != '-' && c != '+' && c != '.') return false;
  return is_yaml11_int(s) || is_yaml11_float(s);
}

// ---------------------------------------------------------------------------------------------
// Builder

struct Anchor {
  Node node;
  std::size_t size = 0;      // nodes in the subtree (keys included)
  std::uint32_t height = 0;  // collection nesting of the subtree (a scalar is 0)
};

void measure(const Node& n, std::size_t& size, std::uint32_t& height) {
  ++size;
  std::uint32_t child_height = 0;
  for (const Node& item : n.items) {
    std::uint32_t h = 0;
    measure(item, size, h);
    child_height = std::max(child_height, h);
  }
  for (const Member& m : n.members) {
    ++size;  // the key
    std::uint32_t h = 0;
    measure(m.value, size, h);
    child_height = std::max(child_height, h);
  }
  height = (n.kind == NodeKind::kSeq || n.kind == NodeKind::kMap) ? child_height + 1 : 0;
}

std::size_t count_code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
  }
  return n;
}

class EventGuard {
 public:
  explicit EventGuard(yaml_event_t& ev) noexcept : ev_(ev) {}
  ~EventGuard() { yaml_event_delete(&ev_); }
  EventGuard(const EventGuard&) = delete;
  EventGuard& operator=(const EventGuard&) = delete;

 private:
  yaml_event_t& ev_;
};

class ParserGuard {
 public:
  ParserGuard() noexcept : ok_(yaml_parser_initialize(&parser_) != 0) {}
  ~ParserGuard() { yaml_parser_delete(&parser_); }
  ParserGuard(const ParserGuard&) = delete;
  ParserGuard& operator=(const ParserGuard&) = delete;
  [[nodiscard]] bool ok() const noexcept { return ok_; }
  yaml_parser_t* get() noexcept { return &parser_; }

 private:
  yaml_parser_t parser_{};
  bool ok_ = false;
};

class YamlBuilder {
 public:
  YamlBuilder(std::string_view text, core::FileId file, const core::Limits& limits)
      : text_(text),
        file_(file),
        limits_(limits),
        pos_(text, detail::LineBreaks::kYaml),
        lines_(text, detail::LineBreaks::kYaml) {}

  core::Result<Node> run();

 private:
  // A collection being built.
  struct Open {
    Node* node = nullptr;         // the collection (inside its wrapper when tagged)
    Node* anchor_node = nullptr;  // what the anchor names (the wrapper when tagged)
    std::string anchor;
    bool is_map = false;
    std::uint32_t depth = 0;  // collection nesting of `node` (the root collection is 1)
    // Mapping state.
    bool expecting_key = true;
    bool value_is_merge = false;
    Node* value_slot = nullptr;
    Node merge_value;          // the value of a '<<' key while it is being built
    std::vector<Node> merges;  // completed '<<' values, in order
    detail::KeyIndex keys;
  };

  struct Props {
    core::Loc tag;      // where the tag starts (the node's start when it has none)
    core::Loc content;  // where the node's content starts, after its properties
  };

  bool fail(Errc code, std::string message, core::Loc where) {
    error_ = Error{code, std::move(message), where};
    return false;
  }
  core::Loc mark_loc(const yaml_mark_t& m) const noexcept {
    return core::Loc{file_, static_cast<std::uint32_t>(m.line + 1),
                     static_cast<std::uint32_t>(m.column + 1)};
  }
  bool count_nodes(std::size_t n, core::Loc where) {
    nodes_ += n;
    if (nodes_ <= limits_.max_nodes) return true;
    return fail(Errc::kLimit,
                "document has more than " + std::to_string(limits_.max_nodes) +
                    " nodes (limit max_nodes; aliases count every copied node)",
                where);
  }
  bool check_depth(std::uint64_t depth, core::Loc where) {
    if (depth <= limits_.max_depth) return true;
    return fail(
        Errc::kLimit,
        "nesting deeper than " + std::to_string(limits_.max_depth) + " levels (limit max_depth)",
        where);
  }
  [[nodiscard]] std::uint32_t current_depth() const noexcept {
    return stack_.empty() ? 0 : stack_.back().depth;
  }
  [[nodiscard]] bool key_expected() const noexcept {
    return !stack_.empty() && stack_.back().is_map && stack_.back().expecting_key;
  }

  Props properties(const yaml_mark_t& start, bool has_props);
  Node* value_destination();
  void value_done();
  bool register_anchor(const yaml_char_t* name, const Node& node, core::Loc where);
  bool wrap(Node& dest, std::string_view key, core::Loc tag_loc, std::uint32_t depth);

  bool on_scalar(const yaml_event_t& ev);
  bool on_key_scalar(const yaml_event_t& ev);
  bool on_collection_start(const yaml_event_t& ev, bool is_map);
  bool on_collection_end();
  bool on_alias(const yaml_event_t& ev);
  bool apply_merges(Open& open);
  bool merge_map(Open& open, Node& source);
  Error libyaml_error(yaml_parser_t& parser);

  std::string_view text_;
  core::FileId file_;
  const core::Limits& limits_;
  detail::PositionTracker pos_;
  detail::LineStarts lines_;
  Node root_;
  bool root_done_ = false;
  std::deque<Open> stack_;  // deque: references to open collections stay valid on push/pop
  std::unordered_map<std::string, Anchor> anchors_;
  std::size_t nodes_ = 0;
  std::uint32_t aliases_ = 0;
  Error error_;
};

// Location of a node's tag and content. libyaml starts a node's mark at its first property
// (anchor or tag); the content follows the properties, blanks, line breaks and comments.
YamlBuilder::Props YamlBuilder::properties(const yaml_mark_t& start, bool has_props) {
  const core::Loc start_loc = mark_loc(start);
  if (!has_props) return Props{start_loc, start_loc};
  std::size_t i = lines_.byte_offset(start.line, start.column);
  pos_.seed(i, detail::LineCol{start_loc.line, start_loc.column});
  std::size_t tag_off = std::string_view::npos;
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  while (i < text_.size() && (text_[i] == '!' || text_[i] == '&')) {
    if (text_[i] == '!' && tag_off == std::string_view::npos) tag_off = i;
    if (text_.substr(i, 2) == "!<") {  // verbatim tag !<...>
      const std::size_t close = text_.find('>', i);
      i = close == std::string_view::npos ? text_.size() : close + 1;
    } else {
      while (i < text_.size() && !is_blank(text_[i]) &&
             detail::line_break_length(text_, i, detail::LineBreaks::kYaml) == 0 &&
             std::strchr(",[]{}", text_[i]) == nullptr) {
        ++i;
      }
    }
    // Blanks, line breaks and comments up to the next property or the content.
    while (i < text_.size()) {
      if (is_blank(text_[i])) {
        ++i;
      } else if (const std::size_t br =
                     detail::line_break_length(text_, i, detail::LineBreaks::kYaml)) {
        i += br;
      } else if (text_[i] == '#') {
        while (i < text_.size() &&
               detail::line_break_length(text_, i, detail::LineBreaks::kYaml) == 0) {
          ++i;
        }
      } else {
        break;
      }
    }
  }
  Props p{start_loc, start_loc};
  if (tag_off != std::string_view::npos) {
    const detail::LineCol lc = pos_.at(tag_off);
    p.tag = core::Loc{file_, lc.line, lc.column};
  }
  const detail::LineCol lc = pos_.at(i);
  p.content = core::Loc{file_, lc.line, lc.column};
  return p;
}

Node* YamlBuilder::value_destination() {
  if (stack_.empty()) return &root_;
  Open& top = stack_.back();
  if (!top.is_map) return &top.node->items.emplace_back();
  return top.value_slot;
}

void YamlBuilder::value_done() {
  if (stack_.empty()) {
    root_done_ = true;
    return;
  }
  Open& top = stack_.back();
  if (!top.is_map) return;
  if (top.value_is_merge) {
    top.merges.push_back(std::move(top.merge_value));
    top.merge_value = Node{};
    top.value_is_merge = false;
  }
  top.value_slot = nullptr;
  top.expecting_key = true;
}

bool YamlBuilder::register_anchor(const yaml_char_t* name, const Node& node, core::Loc where) {
  Anchor a;
  measure(node, a.size, a.height);
  // The stored copy is memory too: it counts against max_nodes like the document's own nodes.
  if (!count_nodes(a.size, where)) return false;
  a.node = node;
  anchors_.insert_or_assign(std::string(reinterpret_cast<const char*>(name)), std::move(a));
  return true;
}

// Turns `dest` into {key: <empty>} located at the tag; the caller fills members[0].value.
bool YamlBuilder::wrap(Node& dest, std::string_view key, core::Loc tag_loc, std::uint32_t depth) {
  if (!check_depth(depth, tag_loc) || !count_nodes(2, tag_loc)) return false;
  dest.kind = NodeKind::kMap;
  dest.loc = tag_loc;
  Member& m = dest.members.emplace_back();
  m.key = Node::make_string(std::string(key), tag_loc);
  return true;
}

bool YamlBuilder::on_scalar(const yaml_event_t& ev) {
  if (key_expected()) return on_key_scalar(ev);
  const auto& sc = ev.data.scalar;
  const TagInfo tag = classify_tag(sc.tag);
  const Props props = properties(ev.start_mark, sc.tag != nullptr || sc.anchor != nullptr);
  const std::string_view text(reinterpret_cast<const char*>(sc.value), sc.length);
  const bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE;
  // An empty plain scalar has no text to point at: use its tag.
  const core::Loc content = (plain && text.empty()) ? props.tag : props.content;
  if (text.size() > limits_.max_scalar_bytes) {
    return fail(Errc::kLimit,
                "scalar longer than " + std::to_string(limits_.max_scalar_bytes) +
                    " bytes (limit max_scalar_bytes)",
                content);
  }
  Node* dest = value_destination();
  Node& node = *dest;
  const std::uint32_t depth = current_depth();

  switch (tag.kind) {
    case TagKind::kNone:
      node.loc = content;
      if (!count_nodes(1, content)) return false;
      node.text.assign(text);
      if (!plain) {
        node.kind = NodeKind::kString;
        node.quoted = true;
      } else if (is_yaml11_null(text)) {
        node.kind = NodeKind::kNull;
      } else if (bool b = false; is_yaml11_bool(text, b)) {
        node.kind = NodeKind::kBool;
        node.boolean = b;
      } else if (is_yaml11_number(text)) {
        node.kind = NodeKind::kNumber;
      } else {
        node.kind = NodeKind::kString;
      }
      break;
    case TagKind::kNonSpecific:
    case TagKind::kStr:
    case TagKind::kBinary:
      node.loc = content;
      if (!count_nodes(1, content)) return false;
      node.kind = NodeKind::kString;
      node.quoted = !plain || tag.kind == TagKind::kStr;
      node.text.assign(text);
      break;
    case TagKind::kInt:
    case TagKind::kFloat:
      if (!is_yaml11_number(text)) {
        return fail(
            Errc::kSyntax,
            "value '" + std::string(text.substr(0, 40)) + "' is not a valid " + display_tag(sc.tag),
            content);
      }
      node.loc = content;
      if (!count_nodes(1, content)) return false;
      node.kind = NodeKind::kNumber;
      node.text.assign(text);
      break;
    case TagKind::kBool: {
      bool b = false;
      if (!is_yaml11_bool(text, b)) {
        return fail(Errc::kSyntax,
                    "value '" + std::string(text.substr(0, 40)) + "' is not a valid !!bool",
                    content);
      }
      node.loc = content;
      if (!count_nodes(1, content)) return false;
      node.kind = NodeKind::kBool;
      node.boolean = b;
      node.text.assign(text);
      break;
    }
    case TagKind::kNull:
      node.loc = content;
      if (!count_nodes(1, content)) return false;
      node.kind = NodeKind::kNull;
      node.text.assign(text);
      break;
    case TagKind::kIntrinsic: {
      if (!wrap(node, tag.intrinsic, props.tag, depth + 1)) return false;
      Node& value = node.members[0].value;
      value.loc = content;
      if (tag.intrinsic == "Fn::GetAtt") {
        // !GetAtt Resource.Attribute -> ["Resource", "Attribute"], split at the first dot.
        if (!check_depth(depth + 2, content)) return false;
        const std::size_t dot = text.find('.');
        const std::string_view first = text.substr(0, dot);
        if (!count_nodes(dot == std::string_view::npos ? 2 : 3, content)) return false;
        value.kind = NodeKind::kSeq;
        core::Loc part = content;
        if (!plain && (sc.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                       sc.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)) {
          ++part.column;  // past the opening quote
        }
        value.items.push_back(Node::make_string(std::string(first), part));
        if (dot != std::string_view::npos) {
          part.column += static_cast<std::uint32_t>(count_code_points(first) + 1);
          value.items.push_back(Node::make_string(std::string(text.substr(dot + 1)), part));
        }
        for (Node& item : value.items) item.quoted = !plain;
      } else {
        if (!count_nodes(1, content)) return false;
        value.kind = NodeKind::kString;
        value.quoted = !plain;
        value.text.assign(text);
      }
      break;
    }
    case TagKind::kSeq:
    case TagKind::kMap:
    case TagKind::kMerge:
      return fail(Errc::kUnsupported, "tag " + display_tag(sc.tag) + " cannot apply to a scalar",
                  props.tag);
    case TagKind::kUnknown:
      return fail(Errc::kUnsupported,
                  "unsupported tag '" + display_tag(sc.tag) + "' at line " +
                      std::to_string(props.tag.line) + " (not a CloudFormation intrinsic function)",
                  props.tag);
  }
  if (sc.anchor != nullptr && !register_anchor(sc.anchor, node, props.content)) return false;
  value_done();
  return true;
}

bool YamlBuilder::on_key_scalar(const yaml_event_t& ev) {
  const auto& sc = ev.data.scalar;
  const TagInfo tag = classify_tag(sc.tag);
  const Props props = properties(ev.start_mark, sc.tag != nullptr || sc.anchor != nullptr);
  const std::string_view text(reinterpret_cast<const char*>(sc.value), sc.length);
  Open& top = stack_.back();
  if (tag.kind == TagKind::kIntrinsic) {
    return fail(Errc::kUnsupported,
                "intrinsic function tag '" + display_tag(sc.tag) + "' used as a mapping key",
                props.tag);
  }
  if (tag.kind == TagKind::kUnknown || tag.kind == TagKind::kSeq || tag.kind == TagKind::kMap) {
    return fail(Errc::kUnsupported,
                "unsupported tag '" + display_tag(sc.tag) + "' on a mapping key at line " +
                    std::to_string(props.tag.line),
                props.tag);
  }
  if (text.size() > limits_.max_scalar_bytes) {
    return fail(Errc::kLimit,
                "mapping key longer than " + std::to_string(limits_.max_scalar_bytes) +
                    " bytes (limit max_scalar_bytes)",
                props.content);
  }
  if (!count_nodes(1, props.content)) return false;
  top.expecting_key = false;
  const bool plain = sc.style == YAML_PLAIN_SCALAR_STYLE;
  if ((plain && sc.tag == nullptr && text == "<<") || tag.kind == TagKind::kMerge) {
    top.value_is_merge = true;
    top.merge_value = Node{};
    top.value_slot = &top.merge_value;
    return true;
  }
  Node key = Node::make_string(std::string(text), props.content);
  key.quoted = !plain || tag.kind == TagKind::kStr;
  if (sc.anchor != nullptr && !register_anchor(sc.anchor, key, props.content)) return false;
  std::vector<Member>& members = top.node->members;
  const std::size_t idx = top.keys.find(members, key.text);
  if (idx == detail::KeyIndex::kNone) {
    Member& m = members.emplace_back();
    m.key = std::move(key);
    top.keys.add(members);
    top.value_slot = &m.value;
  } else {
    Member& m = members[idx];  // duplicate key: the later value wins, in the earlier slot
    m.key = std::move(key);
    m.value = Node{};
    top.value_slot = &m.value;
  }
  return true;
}

bool YamlBuilder::on_collection_start(const yaml_event_t& ev, bool is_map) {
  const yaml_char_t* raw_tag = is_map ? ev.data.mapping_start.tag : ev.data.sequence_start.tag;
  const yaml_char_t* anchor = is_map ? ev.data.mapping_start.anchor : ev.data.sequence_start.anchor;
  const Props props = properties(ev.start_mark, raw_tag != nullptr || anchor != nullptr);
  if (key_expected()) {
    return fail(Errc::kUnsupported,
                std::string("a ") + (is_map ? "mapping" : "sequence") +
                    " used as a mapping key (CloudFormation keys are scalars)",
                props.tag);
  }
  const TagInfo tag = classify_tag(raw_tag);
  switch (tag.kind) {
    case TagKind::kNone:
    case TagKind::kNonSpecific:
    case TagKind::kIntrinsic:
      break;
    case TagKind::kSeq:
    case TagKind::kMap:
      if ((tag.kind == TagKind::kMap) == is_map) break;
      [[fallthrough]];
    case TagKind::kStr:
    case TagKind::kInt:
    case TagKind::kFloat:
    case TagKind::kBool:
    case TagKind::kNull:
    case TagKind::kBinary:
    case TagKind::kMerge:
      return fail(
          Errc::kUnsupported,
          "tag " + display_tag(raw_tag) + " cannot apply to a " + (is_map ? "mapping" : "sequence"),
          props.tag);
    case TagKind::kUnknown:
      return fail(Errc::kUnsupported,
                  "unsupported tag '" + display_tag(raw_tag) + "' at line " +
                      std::to_string(props.tag.line) + " (not a CloudFormation intrinsic function)",
                  props.tag);
  }
  Node* dest = value_destination();
  std::uint32_t depth = current_depth() + 1;
  Node* node = dest;
  if (tag.kind == TagKind::kIntrinsic) {
    if (!wrap(*dest, tag.intrinsic, props.tag, depth)) return false;
    node = &dest->members[0].value;
    ++depth;
  }
  if (!check_depth(depth, props.content) || !count_nodes(1, props.content)) return false;
  node->kind = is_map ? NodeKind::kMap : NodeKind::kSeq;
  node->loc = props.content;
  Open& open = stack_.emplace_back();
  open.node = node;
  open.anchor_node = dest;
  if (anchor != nullptr) open.anchor.assign(reinterpret_cast<const char*>(anchor));
  open.is_map = is_map;
  open.depth = depth;
  return true;
}

bool YamlBuilder::merge_map(Open& open, Node& source) {
  if (!source.is_map()) {
    return fail(Errc::kSyntax, "merge key '<<' needs a mapping or a sequence of mappings to merge",
                source.loc);
  }
  std::vector<Member>& members = open.node->members;
  for (Member& m : source.members) {
    if (open.keys.find(members, m.key.text) != detail::KeyIndex::kNone) continue;
    members.push_back(std::move(m));
    open.keys.add(members);
  }
  return true;
}

bool YamlBuilder::apply_merges(Open& open) {
  for (Node& source : open.merges) {
    if (source.is_seq()) {
      for (Node& item : source.items) {
        if (!merge_map(open, item)) return false;
      }
    } else if (!merge_map(open, source)) {
      return false;
    }
  }
  open.merges.clear();
  return true;
}

bool YamlBuilder::on_collection_end() {
  if (stack_.empty()) return fail(Errc::kInternal, "unbalanced YAML collection events", {});
  Open& open = stack_.back();
  if (open.is_map && !open.merges.empty() && !apply_merges(open)) return false;
  if (!open.anchor.empty()) {
    const auto* name = reinterpret_cast<const yaml_char_t*>(open.anchor.c_str());
    if (!register_anchor(name, *open.anchor_node, open.node->loc)) return false;
  }
  stack_.pop_back();
  value_done();
  return true;
}

bool YamlBuilder::on_alias(const yaml_event_t& ev) {
  const core::Loc where = mark_loc(ev.start_mark);
  const std::string name(reinterpret_cast<const char*>(ev.data.alias.anchor));
  if (++aliases_ > limits_.max_alias_expansions) {
    return fail(Errc::kLimit,
                "more than " + std::to_string(limits_.max_alias_expansions) +
                    " alias dereferences (limit max_alias_expansions)",
                where);
  }
  const auto it = anchors_.find(name);
  if (it == anchors_.end()) {
    return fail(Errc::kSyntax, "alias '*" + name + "' names no earlier anchor", where);
  }
  const Anchor& a = it->second;
  if (key_expected()) {
    if (!a.node.is_known_scalar() && a.node.kind != NodeKind::kNull) {
      return fail(Errc::kUnsupported,
                  "alias '*" + name + "' used as a mapping key names a collection", where);
    }
    Open& top = stack_.back();
    if (!count_nodes(1, where)) return false;
    top.expecting_key = false;
    Node key = Node::make_string(a.node.scalar_text(), where);
    std::vector<Member>& members = top.node->members;
    const std::size_t idx = top.keys.find(members, key.text);
    if (idx == detail::KeyIndex::kNone) {
      Member& m = members.emplace_back();
      m.key = std::move(key);
      top.keys.add(members);
      top.value_slot = &m.value;
    } else {
      Member& m = members[idx];
      m.key = std::move(key);
      m.value = Node{};
      top.value_slot = &m.value;
    }
    return true;
  }
  if (!check_depth(std::uint64_t{current_depth()} + a.height, where)) return false;
  if (!count_nodes(a.size, where)) return false;
  Node* dest = value_destination();
  *dest = a.node;
  value_done();
  return true;
}

Error YamlBuilder::libyaml_error(yaml_parser_t& parser) {
  const char* problem = parser.problem != nullptr ? parser.problem : "invalid YAML";
  switch (parser.error) {
    case YAML_MEMORY_ERROR:
      return Error{Errc::kLimit, "out of memory while parsing YAML", core::Loc{file_, 1, 1}};
    case YAML_READER_ERROR: {
      // problem_offset is a byte offset into the input (e.g. the first invalid UTF-8 byte).
      const detail::LineCol lc = pos_.at(parser.problem_offset);
      std::string msg = problem;
      if (parser.problem_value >= 0 && parser.problem_value <= 0xFF) {
        constexpr char kHex[] = "0123456789ABCDEF";
        const auto v = static_cast<unsigned>(parser.problem_value);
        msg += std::string(" (byte 0x") + kHex[v >> 4U] + kHex[v & 0xFU] + ")";
      }
      return Error{Errc::kSyntax, std::move(msg), core::Loc{file_, lc.line, lc.column}};
    }
    default: {
      std::string msg = problem;
      if (parser.context != nullptr) {
        msg += std::string(" (") + parser.context + " at line " +
               std::to_string(parser.context_mark.line + 1) + ", column " +
               std::to_string(parser.context_mark.column + 1) + ")";
      }
      // At the end of the stream libyaml moves its mark to the start of a line after the last
      // one; point at the end of the text instead.
      core::Loc where = mark_loc(parser.problem_mark);
      const detail::LineCol eof = pos_.at(text_.size());
      if (where.line > eof.line || (where.line == eof.line && where.column > eof.column)) {
        where = core::Loc{file_, eof.line, eof.column};
      }
      return Error{Errc::kSyntax, std::move(msg), where};
    }
  }
}

core::Result<Node> YamlBuilder::run() {
  ParserGuard guard;
  if (!guard.ok()) {
    return Error{Errc::kLimit, "out of memory while parsing YAML", core::Loc{file_, 1, 1}};
  }
  yaml_parser_t* parser = guard.get();
  yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING);
  // libyaml asserts on a null input pointer, which an empty string_view may carry.
  static constexpr unsigned char kEmpty[1] = {0};
  const auto* input = text_.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(text_.data());
  yaml_parser_set_input_string(parser, input, text_.size());
  bool started = false;
  while (!root_done_) {
    yaml_event_t ev;
    if (yaml_parser_parse(parser, &ev) == 0) return libyaml_error(*parser);
    const EventGuard event_guard(ev);
    bool ok = true;
    switch (ev.type) {
      case YAML_STREAM_END_EVENT:
        if (!started) {  // no document at all (empty file or comments only)
          root_.loc = core::Loc{file_, 1, 1};
          return std::move(root_);
        }
        return Error{Errc::kInternal, "YAML stream ended inside a document",
                     mark_loc(ev.start_mark)};
      case YAML_DOCUMENT_START_EVENT:
        started = true;
        break;
      case YAML_SCALAR_EVENT:
        ok = on_scalar(ev);
        break;
      case YAML_SEQUENCE_START_EVENT:
        ok = on_collection_start(ev, false);
        break;
      case YAML_MAPPING_START_EVENT:
        ok = on_collection_start(ev, true);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        ok = on_collection_end();
        break;
      case YAML_ALIAS_EVENT:
        ok = on_alias(ev);
        break;
      default:  // stream start, document end, no event
        break;
    }
    if (!ok) return std::move(error_);
  }
  return std::move(root_);
}

bool looks_like_json(std::string_view text) noexcept {
  for (char c : text.substr(detail::bom_length(text))) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[';
  }
  return false;
}

}  // namespace

core::Result<Node> load_yaml(std::string_view text, core::FileId file, const core::Limits& limits) {
  if (text.size() > limits.max_file_bytes) {
    return Error{Errc::kLimit,
                 "file is larger than " + std::to_string(limits.max_file_bytes) +
                     " bytes (limit max_file_bytes)",
                 core::Loc{file, 1, 1}};
  }
  // The BOM is stripped here (and the encoding forced to UTF-8) so that columns on line 1 do not
  // count it, as in the JSON loader.
  return YamlBuilder(text.substr(detail::bom_length(text)), file, limits).run();
}

core::Result<Node> load_document(std::string_view text, core::FileId file,
                                 const core::Limits& limits) {
  if (looks_like_json(text)) return load_json(text, file, limits);
  return load_yaml(text, file, limits);
}

}  // namespace ecsguard::parse
