#include "ecsguard/parse/ecs_model/shapes.h"

#include <cstddef>

namespace ecsguard::parse::ecs_model {

namespace {

#include "ecsguard/parse/ecs_model/shapes.gen.inc"

std::size_t at(int index) noexcept { return static_cast<std::size_t>(index); }

}  // namespace

std::span<const Shape> shapes() noexcept { return kShapes; }

const Shape& shape(int index) noexcept { return kShapes[at(index)]; }

const Shape& root() noexcept { return kShapes[at(kRootShape)]; }

std::span<const Member> members(const Shape& s) noexcept {
  return std::span<const Member>(kMembers).subspan(at(s.first_member), at(s.member_count));
}

std::span<const std::string_view> enum_values(const Shape& s) noexcept {
  return std::span<const std::string_view>(kEnumValues)
      .subspan(at(s.first_value), at(s.value_count));
}

std::string_view model_sources() noexcept { return kModelSources; }

}  // namespace ecsguard::parse::ecs_model
