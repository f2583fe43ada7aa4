// REG-009 Task definition images are pinned to a digest or an immutable commit-hash / SemVer tag
// (never latest).
#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include <re2/re2.h>

#include "ecsguard/checks/registry/common.h"
#include "ecsguard/engine/check.h"
#include "ecsguard/engine/context.h"

namespace ecsguard::checks::registry {

namespace {

// The tag patterns come from the options: compile each distinct pattern once per thread.
bool full_match(const std::string& pattern, const std::string& text) {
  thread_local std::map<std::string, std::unique_ptr<RE2>> cache;
  auto& re = cache[pattern];
  if (!re) re = std::make_unique<RE2>(pattern, RE2::Quiet);
  return re->ok() && RE2::FullMatch(text, *re);
}

bool is_moving_tag(const std::string& tag, const engine::CheckOptions& o) {
  if (core::iequals(tag, "latest")) return true;
  for (const auto& m : o.moving_tags) {
    if (core::iequals(tag, m)) return true;
  }
  return false;
}

// A CDK container asset: the tag is the asset's 64-hex content hash, and the bootstrap stack's
// ContainerAssetsRepository (cdk-<qualifier>-container-assets-<account>-<region>) is created with
// ImageTagMutability IMMUTABLE by the default bootstrap template.
bool cdk_asset_image(const ImageRef& ref) {
  if (ref.kind != RegistryKind::kEcr && ref.kind != RegistryKind::kUnknown) return false;
  const std::string_view repo = ref.repository;
  if (repo.substr(0, 4) != "cdk-" || repo.find("-container-assets-") == std::string_view::npos) {
    return false;
  }
  return ref.tag.size() == 64 && std::all_of(ref.tag.begin(), ref.tag.end(), [](char ch) {
           return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
         });
}

i18n::Value mutability_label(const model::Repository& repo) {
  const auto& m = repo.image_tag_mutability;
  if (m.known()) return m.value;
  return msg::reg009::MutableDefault{};
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const auto& img = c.image;
  if (img.absent()) return;
  const std::string path = container_path(c) + ".Image";
  const auto who = [&] { return msg::common::Container{.name = container_label(c)}; };
  if (img.unknown() && !has_known_text(img.value)) {
    // Only a reference to an ECR repository (its name or RepositoryUri) - never a tag.
    const bool repo_only =
        !img.refs.empty() && std::all_of(img.refs.begin(), img.refs.end(), [&](const auto& r) {
          return ctx.stack().find<model::Repository>(td.id.scope, r) != nullptr;
        });
    if (repo_only) {
      ctx.fail(img.loc, path,
               msg::reg009::RepoUriNoTag{.subject = who(), .repository = img.refs.front()});
    } else if (img.reason.empty()) {
      ctx.unknown(img.loc, path, msg::reg009::ImageUnknown{});
    } else {
      ctx.unknown(img.loc, path, img.reason);
    }
    return;
  }
  const std::string image = printable(img.value);
  const ImageRef& ref = c.image_ref;
  if (!ref.digest.empty() && ref.digest_known && is_sha256_digest(ref.digest)) return;
  if (!ref.tag_known || !ref.digest_known) {
    if (img.reason.empty()) {
      ctx.unknown(img.loc, path, msg::reg009::TagUnknown{.image = image});
    } else {
      ctx.unknown(img.loc, path,
                  msg::reg009::TagUnknownReason{.image = image, .reason = img.reason});
    }
    return;
  }
  if (!ref.has_tag) {
    ctx.fail(img.loc, path, msg::reg009::NoTag{.subject = who(), .image = image});
    return;
  }
  const auto& o = ctx.options();
  if (is_moving_tag(ref.tag, o)) {
    ctx.fail(img.loc, path,
             msg::reg009::MovingTag{.subject = who(), .image = image, .tag = ref.tag});
    return;
  }
  if (cdk_asset_image(ref)) return;
  const bool release =
      full_match(o.commit_tag_pattern, ref.tag) || full_match(o.semver_tag_pattern, ref.tag);
  const std::string& tag = ref.tag;
  if (const auto* repo = ctx.links().repository_of(td, c)) {
    const std::string rname = repository_label(*repo);
    const Tri imm = tag_is_immutable(*repo, ref.tag);
    if (imm == Tri::kUnknown) {
      ctx.unknown(img.loc, path, msg::reg009::ImmutabilityUnknown{.repository = rname, .tag = tag});
    } else if (imm == Tri::kNo && release) {
      ctx.fail(img.loc, path,
               msg::reg009::OverwritableRelease{.subject = who(),
                                                .image = image,
                                                .tag = tag,
                                                .repository = rname,
                                                .mutability = mutability_label(*repo)});
    } else if (imm == Tri::kNo) {
      ctx.fail(img.loc, path,
               msg::reg009::OverwritableNotRelease{.subject = who(),
                                                   .image = image,
                                                   .tag = tag,
                                                   .repository = rname,
                                                   .mutability = mutability_label(*repo)});
    } else if (!release) {
      ctx.warn(img.loc, path,
               msg::reg009::NotReleaseImmutable{
                   .subject = who(), .image = image, .tag = tag, .repository = rname});
    }
    return;
  }
  if (!release) {
    ctx.fail(img.loc, path, msg::reg009::NotRelease{.subject = who(), .image = image, .tag = tag});
  } else if (ref.kind == RegistryKind::kEcr || ref.kind == RegistryKind::kUnknown) {
    ctx.unknown(img.loc, path, msg::reg009::RepositoryUnknown{.image = image, .tag = tag});
  } else {
    ctx.warn(img.loc, path,
             msg::reg009::ThirdParty{
                 .subject = who(), .image = image, .registry = ref.registry, .tag = tag});
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef image_pinning;
const engine::CheckDef image_pinning{
    .id = "REG-009",
    .rationale = i18n::Id::kReg009Rationale,
    .remediation =
        {
            .cdk = "// tag with the commit (e.g. process.env.CODEBUILD_RESOLVED_SOURCE_VERSION) in "
                   "an IMMUTABLE repository\nconst repo = new ecr.Repository(this, 'Repo', { "
                   "imageTagMutability: ecr.TagMutability.IMMUTABLE });\n"
                   "taskDefinition.addContainer('App', {\n  image: "
                   "ecs.ContainerImage.fromEcrRepository(repo, 'a1b2c3d'),\n});",
            .cloudformation =
                "ContainerDefinitions:\n  - Name: app\n    Image: !Sub "
                "'${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:${CommitSha}'\n"
                "    # or pinned: .../app@sha256:<64 hex digits>\n"
                "# with the repository: ImageTagMutability: IMMUTABLE",
            .terraform =
                "container_definitions = jsonencode([{\n  name  = \"app\"\n"
                "  image = \"${aws_ecr_repository.app.repository_url}:${var.commit_sha}\"\n"
                "}])\n# aws_ecr_repository.app: image_tag_mutability = \"IMMUTABLE\"",
        },
    .inputs = kInputs,
    .run = engine::per_container<&run>,
};

}  // namespace ecsguard::checks::registry
