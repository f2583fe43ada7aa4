#include "ecsguard/model/image_ref.h"

#include "ecsguard/core/strings.h"
#include "ecsguard/model/partial_str.h"

namespace ecsguard::model {

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
  const bool partial = partial::has_unknown(host);
  const bool ecr_marker =
      core::icontains(host, ".dkr.ecr.") || core::icontains(host, ".dkr.ecr-fips.");
  const bool aws_suffix =
      ends_with_i(host, ".amazonaws.com") || ends_with_i(host, ".amazonaws.com.cn");
  if (ecr_marker && (aws_suffix || (partial && host.back() == partial::kUnknownSegment))) {
    return RegistryKind::kEcr;
  }
  if (!partial) return RegistryKind::kOther;
  // A known suffix that cannot end an ECR host ("\x1A.azurecr.io") decides; otherwise unknown.
  if (host.back() != partial::kUnknownSegment && !aws_suffix) return RegistryKind::kOther;
  return RegistryKind::kUnknown;
}

bool placeholder_word(std::string_view part) noexcept {
  return core::icontains(part, "replace_me") || core::icontains(part, "replace-me") ||
         core::icontains(part, "change_me") || core::icontains(part, "change-me") ||
         core::starts_with_i(part, "your-") || core::starts_with_i(part, "your_");
}

}  // namespace

bool is_deploy_placeholder(std::string_view image) noexcept {
  const std::string_view s = core::trim(image);
  const auto lt = s.find('<');
  if (lt != std::string_view::npos && s.find('>', lt) != std::string_view::npos) return true;
  if (s.find("${") != std::string_view::npos) return true;
  if (const auto open = s.find("{{");
      open != std::string_view::npos && !core::starts_with_i(s.substr(open + 2), "resolve:")) {
    return true;
  }
  // Each part of the reference: registry, path components, tag.
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = s.find_first_of("/:@", start);
    const std::string_view part =
        s.substr(start, end == std::string_view::npos ? s.npos : end - start);
    if (placeholder_word(part)) return true;
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return false;
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
      scheme != std::string_view::npos && !partial::has_unknown(s.substr(0, scheme))) {
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
    out.digest_known = !partial::has_unknown(out.digest);
    name = s.substr(0, at);
  }
  // Registry: the first component when it looks like a host (has '.' or ':', is localhost, or is
  // not known) and more components follow.
  std::string_view path = name;
  if (const auto slash = name.find('/'); slash != std::string_view::npos) {
    const auto first = name.substr(0, slash);
    if (first.find_first_of(".:") != std::string_view::npos || first == "localhost" ||
        partial::has_unknown(first)) {
      out.registry = std::string(first);
      out.registry_written = true;
      path = name.substr(slash + 1);
    }
  } else if (partial::has_unknown(name)) {
    // "\x1A:v1": the unknown part may be a whole "registry/repository".
    out.registry = std::string(1, partial::kUnknownSegment);
    out.registry_written = true;
  }
  if (!out.registry_written) out.registry = "docker.io";
  // Tag: after the last ':' of the last path component, known when no unknown segment follows.
  const auto last_slash = path.rfind('/');
  const auto last = last_slash == std::string_view::npos ? path : path.substr(last_slash + 1);
  const auto colon = last.rfind(':');
  const auto mark = last.rfind(partial::kUnknownSegment);
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
  out.placeholder = partial::has_unknown(text);
  return out;
}

}  // namespace ecsguard::model
