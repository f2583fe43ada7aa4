#include "ecsguard/parse/dockerfile/instructions.h"

#include <algorithm>
#include <string>
#include <utility>

#include "ecsguard/core/strings.h"
#include "ecsguard/parse/dockerfile/text.h"
#include "ecsguard/parse/dockerfile/words.h"

namespace ecsguard::parse::dockerfile {

namespace {

struct KindName {
  Kind kind;
  std::string_view name;
};
constexpr KindName kKinds[] = {
    {Kind::kFrom, "FROM"},
    {Kind::kRun, "RUN"},
    {Kind::kCmd, "CMD"},
    {Kind::kLabel, "LABEL"},
    {Kind::kMaintainer, "MAINTAINER"},
    {Kind::kExpose, "EXPOSE"},
    {Kind::kEnv, "ENV"},
    {Kind::kAdd, "ADD"},
    {Kind::kCopy, "COPY"},
    {Kind::kEntrypoint, "ENTRYPOINT"},
    {Kind::kVolume, "VOLUME"},
    {Kind::kUser, "USER"},
    {Kind::kWorkdir, "WORKDIR"},
    {Kind::kArg, "ARG"},
    {Kind::kOnbuild, "ONBUILD"},
    {Kind::kStopsignal, "STOPSIGNAL"},
    {Kind::kHealthcheck, "HEALTHCHECK"},
    {Kind::kShell, "SHELL"},
};

enum class FlagType : unsigned char { kBool, kString, kStrings };
struct FlagSpec {
  Kind kind;
  std::string_view name;
  FlagType type;
};
// The flags each instruction accepts (instructions/parse.go and commands_run*.go).
constexpr FlagSpec kFlags[] = {
    {Kind::kFrom, "platform", FlagType::kString},
    {Kind::kRun, "mount", FlagType::kStrings},
    {Kind::kRun, "network", FlagType::kString},
    {Kind::kRun, "security", FlagType::kString},
    {Kind::kRun, "device", FlagType::kStrings},
    {Kind::kAdd, "chown", FlagType::kString},
    {Kind::kAdd, "chmod", FlagType::kString},
    {Kind::kAdd, "link", FlagType::kBool},
    {Kind::kAdd, "keep-git-dir", FlagType::kBool},
    {Kind::kAdd, "checksum", FlagType::kString},
    {Kind::kAdd, "unpack", FlagType::kBool},
    {Kind::kAdd, "exclude", FlagType::kStrings},
    {Kind::kCopy, "chown", FlagType::kString},
    {Kind::kCopy, "from", FlagType::kString},
    {Kind::kCopy, "chmod", FlagType::kString},
    {Kind::kCopy, "link", FlagType::kBool},
    {Kind::kCopy, "exclude", FlagType::kStrings},
    {Kind::kCopy, "parents", FlagType::kBool},
    {Kind::kHealthcheck, "interval", FlagType::kString},
    {Kind::kHealthcheck, "timeout", FlagType::kString},
    {Kind::kHealthcheck, "start-period", FlagType::kString},
    {Kind::kHealthcheck, "start-interval", FlagType::kString},
    {Kind::kHealthcheck, "retries", FlagType::kString},
};

class Builder {
 public:
  Builder(Instruction& ins, core::Loc at, char escape, std::vector<Diagnostic>& diags)
      : ins_(ins), at_(at), escape_(escape), diags_(diags) {}

  void error(std::string_view id, detail::MessageArgs args = {}) {
    diags_.push_back({DiagLevel::kError, id, at_, std::move(args)});
  }
  [[nodiscard]] std::string keyword() const { return std::string(to_string(ins_.kind)); }

  // parseMaybeJSON (`list` false: the shell form is one string) and parseMaybeJSONToList
  // (`list` true: whitespace-separated words).
  void maybe_json(std::string_view rest, bool list = false) {
    if (rest.empty() && !list) return;
    switch (parse_json_array(rest, ins_.args)) {
      case JsonArray::kStrings:
        ins_.json = true;
        return;
      case JsonArray::kNotStrings:
        error("dockerfile.json-not-strings");
        return;
      case JsonArray::kNotJson:
        ins_.args = list ? split_whitespace(rest) : std::vector<std::string>{std::string(rest)};
        return;
    }
  }
  void name_val(std::string_view rest) {
    const auto words = parse_words(rest, escape_);
    if (words.empty()) {
      error("dockerfile.at-least-one", {{"keyword", keyword()}});
      return;
    }
    if (words[0].find('=') == std::string::npos) {  // old form: KEY name value
      const auto parts = split_first_blank(rest);
      if (!parts) {
        error("dockerfile.two-arguments", {{"keyword", keyword()}});
        return;
      }
      ins_.pairs.push_back({parts->first, parts->second, true});
      return;
    }
    for (const auto& w : words) {
      const std::size_t eq = w.find('=');
      if (eq == std::string::npos) {
        error("dockerfile.missing-equals", {{"word", w}, {"keyword", keyword()}});
        return;
      }
      if (eq == 0) error("dockerfile.blank-name", {{"keyword", keyword()}});
      ins_.pairs.push_back({w.substr(0, eq), w.substr(eq + 1), true});
    }
  }
  void args_decl(std::string_view rest) {
    const auto words = parse_words(rest, escape_);
    if (words.empty()) error("dockerfile.at-least-one", {{"keyword", "ARG"}});
    for (const auto& w : words) {
      const std::size_t eq = w.find('=');
      if (eq == 0) error("dockerfile.blank-name", {{"keyword", "ARG"}});
      if (eq == std::string::npos) {
        ins_.pairs.push_back({w, "", false});
      } else {
        ins_.pairs.push_back({w.substr(0, eq), w.substr(eq + 1), true});
      }
    }
  }
  void health(std::string_view rest) {
    std::size_t sep = 0;
    while (sep < rest.size() && !is_space(rest[sep])) ++sep;
    if (sep == 0) {
      error("dockerfile.at-least-one", {{"keyword", "HEALTHCHECK"}});
      return;
    }
    const std::string type(rest.substr(0, sep));
    maybe_json(trim_left_space(rest.substr(sep)));
    ins_.args.insert(ins_.args.begin(), type);
    const std::string upper = core::to_upper(type);
    if (upper == "NONE") {
      if (ins_.args.size() > 1) error("dockerfile.healthcheck-none");
    } else if (upper == "CMD") {
      if (ins_.args.size() < 2) error("dockerfile.healthcheck-cmd");
    } else {
      error("dockerfile.healthcheck-type", {{"type", type}});
    }
  }

  void flags(const std::vector<std::string>& raw) {
    for (const auto& a : raw) {
      if (a == "--") break;
      if (!a.starts_with("--")) {
        error("dockerfile.flag-syntax", {{"word", a}});
        continue;
      }
      const std::size_t eq = a.find('=');
      Flag f;
      f.name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      f.has_value = eq != std::string::npos;
      if (f.has_value) f.value = a.substr(eq + 1);
      check_flag(f);
      ins_.flags.push_back(std::move(f));
    }
  }

 private:
  static std::optional<std::pair<std::string, std::string>> split_first_blank(
      std::string_view rest) {
    std::size_t i = 0;
    while (i < rest.size() && !is_space(rest[i])) ++i;
    std::size_t j = i;
    while (j < rest.size() && is_space(rest[j])) ++j;
    if (j >= rest.size()) return std::nullopt;
    return std::make_pair(std::string(rest.substr(0, i)), std::string(rest.substr(j)));
  }

  void check_flag(const Flag& f) {
    const auto* spec = std::find_if(std::begin(kFlags), std::end(kFlags), [&](const FlagSpec& s) {
      return s.kind == ins_.kind && s.name == f.name;
    });
    if (spec == std::end(kFlags)) {
      error("dockerfile.unknown-flag", {{"flag", f.name}, {"keyword", keyword()}});
      return;
    }
    if (spec->type != FlagType::kStrings && ins_.flag(f.name) != nullptr) {
      error("dockerfile.flag-duplicate", {{"flag", f.name}});
    }
    if (spec->type == FlagType::kBool) {
      const std::string v = core::to_lower(f.value);
      if (f.has_value && f.value.empty()) {
        error("dockerfile.flag-missing-value", {{"flag", f.name}});
      } else if (!v.empty() && v != "true" && v != "false") {
        error("dockerfile.flag-bool-value", {{"flag", f.name}, {"value", f.value}});
      }
    } else if (!f.has_value) {
      error("dockerfile.flag-missing-value", {{"flag", f.name}});
    }
  }

  Instruction& ins_;
  core::Loc at_;
  char escape_;
  std::vector<Diagnostic>& diags_;
};

bool valid_stage_name(std::string_view n) {
  if (n.empty() || !(n.front() >= 'a' && n.front() <= 'z')) return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '_' || c == '.';
  });
}

void check_from(Builder& b, const Instruction& ins) {
  const auto& a = ins.args;
  if (a.size() == 3 && core::iequals(a[1], "as")) {
    const std::string name = core::to_lower(a[2]);
    if (!valid_stage_name(name)) b.error("dockerfile.bad-stage-name", {{"name", a[2]}});
  } else if (a.size() != 1) {
    b.error("dockerfile.from-arguments");
  }
}

void check_onbuild(Builder& b, const Instruction& ins) {
  if (ins.trigger.empty()) {
    b.error("dockerfile.at-least-one", {{"keyword", "ONBUILD"}});
    return;
  }
  const Kind t = ins.trigger.front().kind;
  if (t == Kind::kOnbuild) b.error("dockerfile.onbuild-chain");
  if (t == Kind::kFrom || t == Kind::kMaintainer) {
    b.error("dockerfile.onbuild-trigger", {{"keyword", std::string(to_string(t))}});
  }
}

// instructions/parse.go: argument counts and forms.
void check_arguments(Builder& b, const Instruction& ins) {
  const std::string kw(to_string(ins.kind));
  switch (ins.kind) {
    case Kind::kFrom:
      check_from(b, ins);
      break;
    case Kind::kAdd:
    case Kind::kCopy:
      if (ins.args.size() < 2) b.error("dockerfile.no-destination", {{"keyword", kw}});
      break;
    case Kind::kExpose:
      if (ins.args.empty()) b.error("dockerfile.at-least-one", {{"keyword", kw}});
      break;
    case Kind::kVolume:
      if (ins.args.empty()) b.error("dockerfile.at-least-one", {{"keyword", kw}});
      if (std::any_of(ins.args.begin(), ins.args.end(),
                      [](const std::string& v) { return trim_space(v).empty(); })) {
        b.error("dockerfile.volume-empty");
      }
      break;
    case Kind::kUser:
    case Kind::kWorkdir:
    case Kind::kStopsignal:
    case Kind::kMaintainer:
      if (ins.args.size() != 1) b.error("dockerfile.exactly-one", {{"keyword", kw}});
      break;
    case Kind::kShell:
      if (ins.args.empty()) {
        b.error("dockerfile.at-least-one", {{"keyword", kw}});
      } else if (!ins.json) {
        b.error("dockerfile.shell-json");
      }
      break;
    case Kind::kOnbuild:
      check_onbuild(b, ins);
      break;
    default:
      break;
  }
}

// kTop: an instruction line. kTrigger: the instruction an ONBUILD defers, whose own trigger (a
// chained ONBUILD ONBUILD, an error) is not parsed further.
enum class Level : unsigned char { kTop, kTrigger };

Instruction build(std::string_view text, core::Loc at, char escape, core::FileId file,
                  std::vector<Diagnostic>& diags, Level level);
Instruction trigger(std::string_view text, core::Loc at, char escape, core::FileId file,
                    std::vector<Diagnostic>& diags);

void fill_arguments(Builder& b, Instruction& ins, const CommandLine& cl, core::Loc at, char escape,
                    core::FileId file, std::vector<Diagnostic>& diags, Level level) {
  switch (ins.kind) {
    case Kind::kAdd:
    case Kind::kCopy:
    case Kind::kVolume:
      b.maybe_json(cl.rest, true);
      break;
    case Kind::kArg:
      b.args_decl(cl.rest);
      break;
    case Kind::kCmd:
    case Kind::kEntrypoint:
    case Kind::kRun:
    case Kind::kShell:
      b.maybe_json(cl.rest);
      break;
    case Kind::kEnv:
    case Kind::kLabel:
      b.name_val(cl.rest);
      break;
    case Kind::kExpose:
    case Kind::kFrom:
      ins.args = split_whitespace(cl.rest);
      break;
    case Kind::kHealthcheck:
      b.health(cl.rest);
      break;
    case Kind::kMaintainer:
    case Kind::kStopsignal:
    case Kind::kUser:
    case Kind::kWorkdir:
      if (!cl.rest.empty()) ins.args = {cl.rest};
      break;
    case Kind::kOnbuild:
      // A chained ONBUILD ONBUILD is refused: its own trigger is not parsed.
      if (!cl.rest.empty() && level == Level::kTop) {
        ins.trigger.push_back(trigger(cl.rest, at, escape, file, diags));
      } else if (!cl.rest.empty()) {
        ins.trigger.push_back(Instruction{});
        ins.trigger.back().kind = kind_of(split_command(cl.rest, escape).keyword);
      }
      break;
    case Kind::kUnknown:
      b.error("dockerfile.unknown-instruction", {{"keyword", cl.keyword}});
      break;
  }
}

// An ONBUILD trigger is checked when a child image runs it: at parse time BuildKit only reports
// what its line parsers refuse (parser.go), not the checks of instructions/parse.go.
Instruction trigger(std::string_view text, core::Loc at, char escape, core::FileId file,
                    std::vector<Diagnostic>& diags) {
  std::vector<Diagnostic> all;
  Instruction ins = build(text, at, escape, file, all, Level::kTrigger);
  for (auto& d : all) {
    if (d.id == "dockerfile.json-not-strings" || d.id == "dockerfile.two-arguments" ||
        d.id == "dockerfile.missing-equals") {
      diags.push_back(std::move(d));
    }
  }
  return ins;
}

Instruction build(std::string_view text, core::Loc at, char escape, core::FileId file,
                  std::vector<Diagnostic>& diags, Level level) {
  Instruction ins;
  const CommandLine cl = split_command(text, escape);
  ins.keyword = cl.keyword;
  ins.kind = kind_of(cl.keyword);
  ins.loc = at;
  ins.original.assign(text);
  Builder b(ins, at, escape, diags);
  fill_arguments(b, ins, cl, at, escape, file, diags, level);
  if (ins.kind == Kind::kUnknown) return ins;
  // HEALTHCHECK NONE does not read its flags (parse.go).
  if (!(ins.kind == Kind::kHealthcheck && !ins.args.empty() &&
        core::iequals(ins.args.front(), "NONE"))) {
    b.flags(cl.flags);
  }
  check_arguments(b, ins);
  return ins;
}

}  // namespace

Kind kind_of(std::string_view keyword) noexcept {
  for (const auto& k : kKinds) {
    if (core::iequals(k.name, keyword)) return k.kind;
  }
  return Kind::kUnknown;
}

std::string_view to_string(Kind k) noexcept {
  for (const auto& e : kKinds) {
    if (e.kind == k) return e.name;
  }
  return "";
}

const Flag* Instruction::flag(std::string_view name) const noexcept {
  for (const auto& f : flags) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Instruction build_instruction(const LogicalLine& line, char escape, core::FileId file,
                              std::vector<Diagnostic>& diags) {
  Instruction ins = build(line.text, core::Loc{file, line.start_line, line.column}, escape, file,
                          diags, Level::kTop);
  ins.end_line = line.end_line;
  return ins;
}

bool may_open_heredoc(const Instruction& ins) noexcept {
  const Instruction* i = &ins;
  if (i->kind == Kind::kOnbuild && !i->trigger.empty()) i = &i->trigger.front();
  return (i->kind == Kind::kRun || i->kind == Kind::kCopy || i->kind == Kind::kAdd) && !i->json;
}

}  // namespace ecsguard::parse::dockerfile
