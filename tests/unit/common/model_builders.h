#pragma once
// Building small models by hand for unit tests of checks and analysis, and the one line format
// their expectations use. One set for every test folder (include "model_builders.h" with
// tests/unit/common on the include path).
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecsguard/core/severity.h"
#include "ecsguard/engine/finding.h"
#include "ecsguard/model/stack.h"

namespace ecsguard::testing {

inline core::Loc at(unsigned line) { return core::Loc{1, line, 3}; }

inline model::Str str(std::string v, unsigned line = 0) {
  return model::Str::of(std::move(v), line ? at(line) : core::Loc{});
}

// Unknown value; `partial` keeps known text with unknown segments (model/partial_str.h).
inline model::Str unknown(std::string reason = "parameter P has no default", unsigned line = 0,
                          std::string partial = {}, std::vector<std::string> refs = {}) {
  auto v = model::Str::unknown_because(std::move(reason), line ? at(line) : core::Loc{});
  v.value = std::move(partial);
  v.refs = std::move(refs);
  return v;
}

// A Ref / GetAtt to a resource of the template: unknown value, refs = [id].
inline model::Str ref(std::string id, unsigned line = 0, std::string partial = {}) {
  std::string reason = "runtime value of " + id;
  return unknown(std::move(reason), line, std::move(partial), {std::move(id)});
}

// An on/off setting as a builder normalises it: `on` / `off` are the format's spellings
// (CloudFormation ENABLED / DISABLED, Terraform true / false).
inline model::Toggle toggle(model::Str v, std::string_view on = "ENABLED",
                            std::string_view off = "DISABLED") {
  return model::to_toggle(std::move(v), {on}, {off});
}

inline model::FlexBool flag(bool b, unsigned line = 0, bool from_string = false) {
  model::FlexBool f;
  f.state = model::Presence::kKnown;
  f.value = b;
  f.loc = at(line);
  f.from_string = from_string;
  return f;
}

inline model::FlexBool unknown_flag(unsigned line = 0) {
  model::FlexBool b;
  b.state = model::Presence::kUnknown;
  b.reason = "condition C depends on a parameter";
  b.loc = at(line);
  return b;
}

inline model::Int num(long long n, unsigned line) { return model::Int::of(n, at(line)); }

inline model::StrList list(std::initializer_list<model::Str> items, unsigned line = 0) {
  return model::StrList::of(std::vector<model::Str>(items), at(line));
}

inline model::ResourceId rid(std::string type, std::string name, unsigned line) {
  model::ResourceId id;
  id.type = std::move(type);
  id.name = std::move(name);
  id.scope = 1;
  id.loc = at(line);
  return id;
}

// Sets a container's image the way the builders do: the text and its parsed ImageRef.
inline void set_image(model::Container& c, model::Str image) {
  c.image = std::move(image);
  c.image_ref = c.image.absent() ? model::ImageRef{} : model::parse_image_ref(c.image.value);
}

inline model::Container container(std::string name, std::string image, unsigned line) {
  model::Container c;
  c.name = str(name, line);
  c.image = str(std::move(image), line + 1);
  c.image_ref = model::parse_image_ref(c.image.value);
  c.loc = at(line);
  return c;
}

inline model::TaskDefinition task_definition(std::string name, unsigned line) {
  model::TaskDefinition td;
  td.id = rid("AWS::ECS::TaskDefinition", std::move(name), line);
  td.containers_state = model::Presence::kKnown;
  return td;
}

inline model::Repository repository(std::string logical_id, std::string name, unsigned line) {
  model::Repository r;
  r.id = rid("AWS::ECR::Repository", std::move(logical_id), line);
  if (!name.empty()) r.repository_name = str(std::move(name), line + 2);
  return r;
}

}  // namespace ecsguard::testing
