#pragma once
// A container image reference `[scheme://][userinfo@][registry/]repository[:tag][@digest]`,
// parsed once by the builders from text that may be partially known (model/partial_str.h).
// Docker Hub is the registry when none is written ("nginx" -> docker.io, "library/nginx").
#include <string>
#include <string_view>

namespace ecsguard::model {

enum class RegistryKind : unsigned char {
  kEcr,        // <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn] (private ECR)
  kEcrPublic,  // public.ecr.aws
  kOther,      // Docker Hub (no registry written), ghcr.io, quay.io, a private registry ...
  kUnknown,    // the registry part is not statically known
};

struct ImageRef {
  std::string registry;  // host[:port]; "docker.io" when not written; may hold unknowns
  bool registry_written = false;
  std::string repository;  // path after the registry; may hold unknowns
  bool tag_known = true;   // false: whether there is a tag, or its text, is not known
  bool has_tag = false;
  std::string tag;           // when has_tag (and tag_known)
  bool digest_known = true;  // false: an unknown segment may hold "@sha256:..."
  std::string digest;        // "sha256:<hex>" when written
  std::string userinfo;      // "user:password" written before the registry (never valid)
  RegistryKind kind = RegistryKind::kUnknown;
  bool placeholder = false;  // some part is not statically known (a parameter, an attribute)
};

[[nodiscard]] ImageRef parse_image_ref(std::string_view text);

// A deploy-time placeholder, not an image: `<IMAGE1_NAME>` (CodeDeploy), `${IMAGE}` /
// `{{image}}` (templating of task definition JSON), `REPLACE_ME_...` / `CHANGE_ME`, a path part
// starting with `your-` / `your_` (`your-app-image`). Dynamic references `{{resolve:...}}` are
// not placeholders.
[[nodiscard]] bool is_deploy_placeholder(std::string_view image) noexcept;

// "sha256:" followed by 64 lower-case hex digits.
[[nodiscard]] bool is_sha256_digest(std::string_view digest) noexcept;

}  // namespace ecsguard::model
