#include "ecsguard/checks/common.h"

#include <vector>

#include "ecsguard/core/strings.h"

namespace ecsguard::checks {

std::string container_path(const model::Container& c) {
  return "ContainerDefinitions[" + container_label(c) + "]";
}

std::string container_label(const model::Container& c) {
  if (c.name.known()) return c.name.value;
  return "?";
}

bool glob_match(std::string_view pattern, std::string_view s) noexcept {
  std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pattern.size() &&
        (pattern[p] == '?' || core::ascii_lower(pattern[p]) == core::ascii_lower(s[i]))) {
      ++p;
      ++i;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace ecsguard::checks

// --- Image references and registries (reg-checks) ---

namespace ecsguard::checks {

namespace {

bool is_hex_lower(std::string_view s) noexcept {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool ends_with_i(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && core::iequals(s.substr(s.size() - suffix.size()), suffix);
}

// <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]; unknown segments match anything.
RegistryKind classify_registry(std::string_view host, bool written) {
  if (!written) return RegistryKind::kOther;  // Docker Hub
  if (core::iequals(host, "public.ecr.aws")) return RegistryKind::kEcrPublic;
  const bool partial = has_unknown_segment(host);
  const bool ecr_marker =
      core::icontains(host, ".dkr.ecr.") || core::icontains(host, ".dkr.ecr-fips.");
  const bool aws_suffix =
      ends_with_i(host, ".amazonaws.com") || ends_with_i(host, ".amazonaws.com.cn");
  if (ecr_marker && (aws_suffix || (partial && host.back() == kUnknownSegment))) {
    return RegistryKind::kEcr;
  }
  if (!partial) return RegistryKind::kOther;
  // A known suffix that cannot end an ECR host ("\x1A.azurecr.io") decides; otherwise unknown.
  if (host.back() != kUnknownSegment && !aws_suffix) return RegistryKind::kOther;
  return RegistryKind::kUnknown;
}

}  // namespace

bool has_unknown_segment(std::string_view s) noexcept {
  return s.find(kUnknownSegment) != std::string_view::npos;
}

bool has_known_text(std::string_view s) noexcept {
  return s.find_first_not_of(kUnknownSegment) != std::string_view::npos;
}

std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == kUnknownSegment) {
      out += "${?}";
    } else {
      out += c;
    }
  }
  return out;
}

bool is_sha256_digest(std::string_view digest) noexcept {
  constexpr std::string_view kPrefix = "sha256:";
  if (digest.substr(0, kPrefix.size()) != kPrefix) return false;
  const auto hex = digest.substr(kPrefix.size());
  return hex.size() == 64 && is_hex_lower(hex);
}

ImageRef parse_image_ref(std::string_view text) {
  ImageRef out;
  std::string_view s = core::trim(text);
  if (const auto scheme = s.find("://");
      scheme != std::string_view::npos && !has_unknown_segment(s.substr(0, scheme))) {
    s.remove_prefix(scheme + 3);
  }
  // userinfo@ before the first '/' (a digest '@' comes after the repository path).
  if (const auto at = s.find('@'); at != std::string_view::npos) {
    const auto slash = s.find('/');
    if (slash != std::string_view::npos && at < slash) {
      out.userinfo = std::string(s.substr(0, at));
      s.remove_prefix(at + 1);
    }
  }
  // Digest: after the last '@' (unknown when an unknown segment follows it).
  std::string_view name = s;
  const auto at = s.rfind('@');
  if (at != std::string_view::npos) {
    out.digest = std::string(s.substr(at + 1));
    out.digest_known = !has_unknown_segment(out.digest);
    name = s.substr(0, at);
  }
  // Registry: the first component when it looks like a host (has '.' or ':', is localhost, or is
  // not known) and more components follow.
  std::string_view path = name;
  if (const auto slash = name.find('/'); slash != std::string_view::npos) {
    const auto first = name.substr(0, slash);
    if (first.find_first_of(".:") != std::string_view::npos || first == "localhost" ||
        has_unknown_segment(first)) {
      out.registry = std::string(first);
      out.registry_written = true;
      path = name.substr(slash + 1);
    }
  } else if (has_unknown_segment(name)) {
    // "\x1A:v1": the unknown part may be a whole "registry/repository".
    out.registry = std::string(1, kUnknownSegment);
    out.registry_written = true;
  }
  if (!out.registry_written) out.registry = "docker.io";
  // Tag: after the last ':' of the last path component, known when no unknown segment follows.
  const auto last_slash = path.rfind('/');
  const auto last = last_slash == std::string_view::npos ? path : path.substr(last_slash + 1);
  const auto colon = last.rfind(':');
  const auto mark = last.rfind(kUnknownSegment);
  if (colon != std::string_view::npos && (mark == std::string_view::npos || mark < colon)) {
    out.has_tag = true;
    out.tag = std::string(last.substr(colon + 1));
    path.remove_suffix(last.size() - colon);
  } else if (mark != std::string_view::npos) {
    out.tag_known = false;
  }
  // Without '@', a trailing unknown segment may still hold "@sha256:...".
  if (at == std::string_view::npos) out.digest_known = out.tag_known;
  out.repository = std::string(path);
  if (!out.registry_written && out.repository.find('/') == std::string::npos) {
    out.repository = "library/" + out.repository;
  }
  out.kind = classify_registry(out.registry, out.registry_written);
  return out;
}

std::string task_definition_label(const model::TaskDefinition& td) {
  return td.family.known() && !td.family.value.empty() ? td.family.value : td.id.name;
}

std::string service_label(const model::Service& s) {
  return s.service_name.known() && !s.service_name.value.empty() ? s.service_name.value : s.id.name;
}

std::string container_label(const model::TaskDefinition& td, const model::Container& c) {
  if (c.name.known()) return c.name.value;
  for (std::size_t i = 0; i < td.containers.size(); ++i) {
    if (&td.containers[i] == &c) return "#" + std::to_string(i + 1);
  }
  return "?";
}

std::string container_path(const model::TaskDefinition& td, const model::Container& c) {
  return "ContainerDefinitions[" + container_label(td, c) + "]";
}

}  // namespace ecsguard::checks

// --- Partially known names (CTR-007) ---

namespace ecsguard::checks {

bool glob_may_match(std::string_view pattern, std::string_view s) {
  // Intersection of two globs: `pattern` and `s` with each unknown segment read as '*'.
  // reach[i][j]: some string drives pattern[0, i) and s[0, j) to completion together.
  const std::size_t np = pattern.size();
  const std::size_t ns = s.size();
  std::vector<std::vector<char>> reach(np + 1, std::vector<char>(ns + 1, 0));
  reach[0][0] = 1;
  for (std::size_t i = 0; i <= np; ++i) {
    for (std::size_t j = 0; j <= ns; ++j) {
      if (!reach[i][j]) continue;
      const bool p_star = i < np && pattern[i] == '*';
      const bool s_star = j < ns && s[j] == kUnknownSegment;
      if (p_star) reach[i + 1][j] = 1;            // '*' matches nothing more
      if (s_star) reach[i][j + 1] = 1;            // the unknown segment is empty / ends here
      if (p_star && j < ns) reach[i][j + 1] = 1;  // '*' takes s[j] (or text of the segment)
      if (s_star && i < np) reach[i + 1][j] = 1;  // the unknown segment takes pattern[i]
      if (i < np && j < ns && !p_star && !s_star &&
          (pattern[i] == '?' || core::ascii_lower(pattern[i]) == core::ascii_lower(s[j]))) {
        reach[i + 1][j + 1] = 1;
      }
    }
  }
  return reach[np][ns] != 0;
}

}  // namespace ecsguard::checks

// --- Enumerated AWS values ---

namespace ecsguard::checks {

bool is_one_of(std::string_view value, std::span<const std::string_view> allowed) noexcept {
  for (const auto a : allowed) {
    if (value == a) return true;
  }
  return false;
}

i18n::Message invalid_value_message(i18n::Value subject, i18n::Value property,
                                    std::string_view value,
                                    std::span<const std::string_view> allowed) {
  std::string list;
  for (const auto a : allowed) {
    if (!list.empty()) list += " | ";
    list += a;
  }
  return msg::common::InvalidValue{.subject = std::move(subject),
                                   .property = std::move(property),
                                   .value = printable(value),
                                   .allowed = std::move(list)};
}

}  // namespace ecsguard::checks
