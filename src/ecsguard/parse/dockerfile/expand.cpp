#include "ecsguard/parse/dockerfile/expand.h"

#include <algorithm>
#include <string>
#include <utility>

#include "ecsguard/parse/dockerfile/text.h"

namespace ecsguard::parse::dockerfile {

const Var* find_var(const std::vector<Var>& vars, std::string_view name) noexcept {
  const auto it =
      std::find_if(vars.rbegin(), vars.rend(), [&](const Var& v) { return v.name == name; });
  return it == vars.rend() ? nullptr : &*it;
}

const Var* Scope::find(std::string_view name) const noexcept {
  for (const auto* list : {env, args}) {
    if (list == nullptr) continue;
    if (const Var* v = find_var(*list, name)) return v;
  }
  return nullptr;
}

namespace {

constexpr bool is_special_param(char c) noexcept {
  return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!' ||
         c == '0';
}
constexpr bool is_name_char(char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

struct Failure {
  ExpandError error;
};

class Expander {
 public:
  Expander(std::string_view s, const Scope& scope, char escape, const Limits& limits, Expanded& out)
      : s_(s), scope_(scope), escape_(escape), limits_(limits), out_(out) {}

  // processStopOn(EOF): the whole word.
  void run() { out_.text = process(0, false, false); }

 private:
  [[noreturn]] void fail(std::string_view id, detail::MessageArgs args = {}) {
    if (args.empty()) args = {{"word", std::string(s_)}};
    throw Failure{ExpandError{id, std::move(args)}};
  }
  void grow(const std::string& r) {
    if (r.size() > limits_.max_expansion_bytes) {
      fail("dockerfile.limit-expansion-size",
           {{"limit", std::to_string(limits_.max_expansion_bytes)}});
    }
  }
  void mark_unknown(std::string_view name) {
    out_.known = false;
    if (std::find(out_.unknown_vars.begin(), out_.unknown_vars.end(), name) ==
        out_.unknown_vars.end()) {
      out_.unknown_vars.emplace_back(name);
    }
  }

  // Characters up to `stop` ('\0': the end). raw: escapes kept (# and % patterns).
  std::string process(std::uint32_t depth, char stop, bool raw) {
    if (depth > limits_.max_expansion_depth) {
      fail("dockerfile.limit-expansion-depth",
           {{"limit", std::to_string(limits_.max_expansion_depth)}});
    }
    std::string r;
    while (pos_ < s_.size()) {
      const char ch = s_[pos_];
      if (stop != '\0' && ch == stop) {
        ++pos_;
        return r;
      }
      if (ch == '$') {
        r += dollar(depth);
      } else if (ch == '\'') {
        r += single_quote();
      } else if (ch == '"') {
        r += double_quote(depth);
      } else {
        ++pos_;
        if (ch == escape_) {
          if (raw) r.push_back(ch);
          if (pos_ >= s_.size()) break;
          r.push_back(s_[pos_++]);
        } else {
          r.push_back(ch);
        }
      }
      grow(r);
    }
    if (stop != '\0') fail("dockerfile.expand-missing-brace");
    return r;
  }

  std::string single_quote() {
    const std::size_t close = s_.find('\'', pos_ + 1);
    if (close == std::string_view::npos) fail("dockerfile.expand-unterminated-quote");
    std::string r(s_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    return r;
  }

  std::string double_quote(std::uint32_t depth) {
    std::string r;
    ++pos_;
    while (true) {
      if (pos_ >= s_.size()) fail("dockerfile.expand-unterminated-quote");
      const char ch = s_[pos_];
      if (ch == '"') {
        ++pos_;
        return r;
      }
      if (ch == '$') {
        r += dollar(depth);
      } else {
        ++pos_;
        if (ch == escape_) {
          if (pos_ >= s_.size()) continue;
          const char next = s_[pos_];
          if (next == '"' || next == '$' || next == escape_) {
            r.push_back(next);
            ++pos_;
            continue;
          }
        }
        r.push_back(ch);
      }
      grow(r);
    }
  }

  std::string name() {
    const std::size_t start = pos_;
    if (pos_ < s_.size() && is_digit(s_[pos_])) {
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    } else if (pos_ < s_.size() && is_special_param(s_[pos_])) {
      ++pos_;
    } else {
      while (pos_ < s_.size() && is_name_char(s_[pos_])) ++pos_;
    }
    return std::string(s_.substr(start, pos_ - start));
  }

  // The value of `n`: its text, or the expression as written when it is not known.
  std::pair<const Var*, bool> lookup(const std::string& n) {
    const Var* v = scope_.find(n);
    if (v != nullptr) return {v, !v->known};
    return {nullptr, scope_.missing == Missing::kUnknown};
  }

  std::string dollar(std::uint32_t depth) {
    const std::size_t start = pos_++;
    if (pos_ >= s_.size() || s_[pos_] != '{') {
      const std::string n = name();
      if (n.empty()) return "$";
      const auto [v, unknown] = lookup(n);
      if (unknown) {
        mark_unknown(n);
        return std::string(s_.substr(start, pos_ - start));
      }
      return v != nullptr ? v->value : std::string();
    }
    ++pos_;
    if (pos_ >= s_.size()) fail("dockerfile.expand-missing-brace");
    if (s_[pos_] == '{' || s_[pos_] == '}' || s_[pos_] == ':') {
      fail("dockerfile.expand-bad-substitution");
    }
    const std::string n = name();
    if (pos_ >= s_.size()) fail("dockerfile.expand-missing-brace");
    char op = s_[pos_++];
    const auto [v, unknown] = lookup(n);
    if (op == '}') {
      if (unknown) {
        mark_unknown(n);
        return std::string(s_.substr(start, pos_ - start));
      }
      return v != nullptr ? v->value : std::string();
    }
    bool null_is_unset = false;
    if (op == ':') {
      null_is_unset = true;
      if (pos_ >= s_.size()) fail("dockerfile.expand-missing-brace");
      op = s_[pos_++];
    }
    if (op == '/' && !null_is_unset) return replace(start, depth, n);
    if (op != '+' && op != '-' && op != '?' && op != '#' && op != '%') {
      fail("dockerfile.expand-unsupported-modifier");
    }
    const bool raw = op == '#' || op == '%';
    if (null_is_unset && raw) fail("dockerfile.expand-unsupported-modifier");
    const std::string word = process(depth + 1, '}', raw);
    if (unknown) {
      mark_unknown(n);
      return std::string(s_.substr(start, pos_ - start));
    }
    const bool set = v != nullptr;
    std::string value = set ? v->value : std::string();
    const bool empty = !set || (null_is_unset && value.empty());
    switch (op) {
      case '-':
        return empty ? word : value;
      case '+':
        return empty ? std::string() : word;
      case '?':
        if (empty) {
          fail("dockerfile.expand-required",
               {{"name", n},
                {"message",
                 word.empty() ? (set ? "is not allowed to be empty" : "is not allowed to be unset")
                              : word}});
        }
        return value;
      default:
        return trim_pattern(start, n, op, word, value);
    }
  }

  // ${VAR#p} ${VAR##p} ${VAR%p} ${VAR%%p}: literal patterns only.
  std::string trim_pattern(std::size_t start, const std::string& n, char op, std::string word,
                           const std::string& value) {
    if (!word.empty() && word.front() == op) word.erase(0, 1);  // ## / %%: same for literals
    if (word.find_first_of("*?[\\") != std::string::npos) {
      mark_unknown(n);
      return std::string(s_.substr(start, pos_ - start));
    }
    if (op == '#' && value.starts_with(word)) return value.substr(word.size());
    if (op == '%' && value.ends_with(word)) return value.substr(0, value.size() - word.size());
    return value;
  }

  // ${VAR/p/r}: parsed for errors, not evaluated.
  std::string replace(std::size_t start, std::uint32_t depth, const std::string& n) {
    if (pos_ < s_.size() && s_[pos_] == '/') ++pos_;
    process(depth + 1, '/', true);
    process(depth + 1, '}', true);
    mark_unknown(n);
    return std::string(s_.substr(start, pos_ - start));
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  const Scope& scope_;
  char escape_;
  const Limits& limits_;
  Expanded& out_;
};

}  // namespace

bool expand_word(std::string_view word, const Scope& scope, char escape, const Limits& limits,
                 Expanded& out, ExpandError& err) {
  out = Expanded{};
  try {
    Expander(word, scope, escape, limits, out).run();
    return true;
  } catch (const Failure& f) {
    err = f.error;
    return false;
  }
}

}  // namespace ecsguard::parse::dockerfile
