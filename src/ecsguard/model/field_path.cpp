#include "ecsguard/model/field_path.h"

#include <cctype>

namespace ecsguard::model {

namespace {

bool is_upper(char c) noexcept { return std::isupper(static_cast<unsigned char>(c)) != 0; }

char to_lower(char c) noexcept {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Every name segment in lowerCamel; bracketed parts (container labels, indexes) and separators
// as they are.
std::string task_definition_path(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  std::size_t i = 0;
  while (i < id.size()) {
    if (id[i] == '[') {
      std::size_t close = id.find(']', i);
      close = close == std::string_view::npos ? id.size() : close + 1;
      out.append(id.substr(i, close - i));
      i = close;
    } else if (id[i] == '.') {
      out.push_back('.');
      ++i;
    } else {
      std::size_t end = id.find_first_of(".[", i);
      if (end == std::string_view::npos) end = id.size();
      out += lower_camel(id.substr(i, end - i));
      i = end;
    }
  }
  return out;
}

}  // namespace

std::string lower_camel(std::string_view segment) {
  std::string out(segment);
  std::size_t caps = 0;
  while (caps < out.size() && is_upper(out[caps])) ++caps;
  // "EFSVolume": the last capital of a leading acronym starts the next word.
  const std::size_t lower = caps > 1 && caps < out.size() ? caps - 1 : caps;
  for (std::size_t i = 0; i < lower; ++i) out[i] = to_lower(out[i]);
  return out;
}

std::string render_field_path(std::string_view field_id, Origin origin) {
  switch (origin) {
    case Origin::kTaskDefinitionJson:
      return task_definition_path(field_id);
    case Origin::kTerraform:
      return terraform_field_path(field_id);
    case Origin::kCloudFormation:
    case Origin::kApi:
    case Origin::kDockerfile:  // image checks name instructions, not properties
    case Origin::kImageArchive:
      break;
  }
  return std::string(field_id);
}

}  // namespace ecsguard::model
