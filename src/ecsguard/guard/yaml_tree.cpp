#include "ecsguard/guard/yaml_tree.h"

#include <yaml.h>

#include <map>
#include <memory>

namespace ecsguard::guard {
namespace {

class Event {
 public:
  Event() = default;
  ~Event() {
    if (valid_) yaml_event_delete(&ev_);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  Event(Event&&) = delete;
  Event& operator=(Event&&) = delete;
  bool next(yaml_parser_t* p) {
    if (valid_) yaml_event_delete(&ev_);
    valid_ = yaml_parser_parse(p, &ev_) != 0;
    return valid_;
  }
  yaml_event_t* operator->() { return &ev_; }

 private:
  yaml_event_t ev_{};
  bool valid_ = false;
};

class Builder {
 public:
  Builder(yaml_parser_t* p, const YamlLimits& limits) : p_(p), limits_(limits) {}

  core::Result<std::vector<YNode>> run() {
    std::vector<YNode> docs;
    while (true) {
      if (!ev_.next(p_)) return parser_error();
      auto type = ev_->type;
      if (type == YAML_STREAM_END_EVENT) break;
      if (type == YAML_STREAM_START_EVENT || type == YAML_DOCUMENT_END_EVENT) continue;
      if (type == YAML_DOCUMENT_START_EVENT) {
        anchors_.clear();
        if (!ev_.next(p_)) return parser_error();
        YNode root;
        if (!node(root, 0)) return error_;
        docs.push_back(std::move(root));
      }
    }
    return docs;
  }

 private:
  core::Error parser_error() {
    std::string msg = p_->problem != nullptr ? p_->problem : "YAML syntax error";
    if (p_->context != nullptr) msg = std::string(p_->context) + ": " + msg;
    core::Loc loc;
    loc.line = static_cast<std::uint32_t>(p_->problem_mark.line + 1);
    loc.column = static_cast<std::uint32_t>(p_->problem_mark.column + 1);
    return core::make_error(core::Errc::kSyntax, msg + " (line " + std::to_string(loc.line) + ")",
                            loc);
  }

  bool fail(core::Errc code, const std::string& msg, std::uint32_t line) {
    error_ = core::make_error(code, msg + " (line " + std::to_string(line) + ")");
    error_.where.line = line;
    return false;
  }

  bool count(std::size_t n, std::uint32_t line) {
    nodes_ += n;
    if (nodes_ > limits_.max_nodes) return fail(core::Errc::kLimit, "too many YAML nodes", line);
    return true;
  }

  struct Anchor {
    std::shared_ptr<YNode> node;
    std::size_t size = 0;  // nodes, so an expansion is charged before it is copied
  };

  void remember(const std::string& anchor, const YNode& n, std::size_t size) {
    if (!anchor.empty()) anchors_[anchor] = Anchor{std::make_shared<YNode>(n), size};
  }

  // Builds the node starting at the current event.
  bool node(YNode& out, std::uint32_t depth) {
    auto line = static_cast<std::uint32_t>(ev_->start_mark.line + 1);
    if (depth > limits_.max_depth) return fail(core::Errc::kLimit, "YAML nested too deeply", line);
    out.line = line;
    switch (ev_->type) {
      case YAML_SCALAR_EVENT: {
        const auto& s = ev_->data.scalar;
        out.text.assign(reinterpret_cast<const char*>(s.value), s.length);
        out.quoted = s.style != YAML_PLAIN_SCALAR_STYLE;
        out.kind = YNode::Kind::kScalar;
        if (!out.quoted && (out.text.empty() || out.text == "~" || out.text == "null" ||
                            out.text == "Null" || out.text == "NULL")) {
          out.kind = YNode::Kind::kNull;
        }
        if (s.anchor != nullptr) remember(reinterpret_cast<const char*>(s.anchor), out, 1);
        return count(1, line);
      }
      case YAML_ALIAS_EVENT: {
        std::string name = reinterpret_cast<const char*>(ev_->data.alias.anchor);
        auto it = anchors_.find(name);
        if (it == anchors_.end()) return fail(core::Errc::kSyntax, "unknown alias *" + name, line);
        if (++aliases_ > limits_.max_alias_expansions) {
          return fail(core::Errc::kLimit, "too many YAML alias expansions", line);
        }
        if (!count(it->second.size, line)) return false;
        out = *it->second.node;
        return true;
      }
      case YAML_SEQUENCE_START_EVENT: {
        out.kind = YNode::Kind::kSeq;
        std::string anchor = ev_->data.sequence_start.anchor != nullptr
                                 ? reinterpret_cast<const char*>(ev_->data.sequence_start.anchor)
                                 : "";
        std::size_t before = nodes_;
        if (!count(1, line)) return false;
        while (true) {
          if (!ev_.next(p_)) return set_parser_error();
          if (ev_->type == YAML_SEQUENCE_END_EVENT) break;
          YNode item;
          if (!node(item, depth + 1)) return false;
          out.items.push_back(std::move(item));
        }
        remember(anchor, out, nodes_ - before);
        return true;
      }
      case YAML_MAPPING_START_EVENT: {
        out.kind = YNode::Kind::kMap;
        std::string anchor = ev_->data.mapping_start.anchor != nullptr
                                 ? reinterpret_cast<const char*>(ev_->data.mapping_start.anchor)
                                 : "";
        std::size_t before = nodes_;
        if (!count(1, line)) return false;
        while (true) {
          if (!ev_.next(p_)) return set_parser_error();
          if (ev_->type == YAML_MAPPING_END_EVENT) break;
          YNode key;
          if (!node(key, depth + 1)) return false;
          if (!ev_.next(p_)) return set_parser_error();
          YNode value;
          if (!node(value, depth + 1)) return false;
          out.members.push_back(YMember{std::move(key), std::move(value)});
        }
        remember(anchor, out, nodes_ - before);
        return true;
      }
      default:
        return fail(core::Errc::kSyntax, "unexpected YAML event", line);
    }
  }

  bool set_parser_error() {
    error_ = parser_error();
    return false;
  }

  yaml_parser_t* p_;
  YamlLimits limits_;
  Event ev_;
  core::Error error_;
  std::size_t nodes_ = 0;
  std::uint32_t aliases_ = 0;
  std::map<std::string, Anchor> anchors_;
};

}  // namespace

const YNode* YNode::get(std::string_view key) const noexcept {
  if (kind != Kind::kMap) return nullptr;
  for (const auto& [k, v] : members) {
    if (k.kind == Kind::kScalar && k.text == key) return &v;
  }
  return nullptr;
}

core::Result<std::vector<YNode>> parse_yaml(std::string_view text, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return core::make_error(core::Errc::kLimit, "rules file larger than the limit");
  }
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) {
    return core::make_error(core::Errc::kInternal, "cannot initialise the YAML parser");
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  Builder b(&parser, limits);
  auto result = b.run();
  yaml_parser_delete(&parser);
  return result;
}

}  // namespace ecsguard::guard
