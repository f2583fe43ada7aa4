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

// The repository the image is pulled from, when the scan defines it: by reference
// (!GetAtt Repo.RepositoryUri, !Ref Repo) in the same template, or by name in an ECR URI.
const model::Repository* find_repository(const model::Stack& stack, const model::TaskDefinition& td,
                                         const model::Str& image, const ImageRef& ref) {
  for (const auto& r : image.refs) {
    if (const auto* repo = stack.repository(td.id.scope, r)) return repo;
  }
  if ((ref.kind == RegistryKind::kEcr || ref.kind == RegistryKind::kUnknown) &&
      !ref.repository.empty() && !has_unknown_segment(ref.repository)) {
    return stack.repository_named(ref.repository);
  }
  return nullptr;
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

std::string mutability_label(const model::Repository& repo) {
  const auto& m = repo.image_tag_mutability;
  return m.known() ? m.value : "MUTABLE (default)";
}

void run(const model::TaskDefinition& td, const model::Container& c, engine::CheckContext& ctx) {
  const auto& img = c.image;
  if (img.absent()) return;
  const std::string path = container_path(c) + ".Image";
  const std::string who = "container '" + container_label(c) + "'";
  if (img.unknown() && !has_known_text(img.value)) {
    // Only a reference to an ECR repository (its name or RepositoryUri) - never a tag.
    const bool repo_only =
        !img.refs.empty() && std::all_of(img.refs.begin(), img.refs.end(), [&](const auto& r) {
          return ctx.stack().repository(td.id.scope, r) != nullptr;
        });
    if (repo_only) {
      ctx.fail(img.loc, path,
               who + " deploys the URI of repository '" + img.refs.front() +
                   "' without a tag: ECS pulls 'latest', which moves with every push");
    } else {
      ctx.unknown(img.loc, path,
                  img.reason.empty() ? "the image is not statically known" : img.reason);
    }
    return;
  }
  const std::string shown = who + " deploys image '" + printable(img.value) + "'";
  const ImageRef ref = parse_image_ref(img.value);
  if (!ref.digest.empty() && ref.digest_known && is_sha256_digest(ref.digest)) return;
  if (!ref.tag_known || !ref.digest_known) {
    ctx.unknown(img.loc, path,
                "the tag or digest of image '" + printable(img.value) +
                    "' is not statically known" +
                    (img.reason.empty() ? "" : " (" + img.reason + ")"));
    return;
  }
  if (!ref.has_tag) {
    ctx.fail(img.loc, path,
             shown + " without a tag: ECS pulls 'latest', which moves with every push");
    return;
  }
  const auto& o = ctx.options();
  if (is_moving_tag(ref.tag, o)) {
    ctx.fail(img.loc, path,
             shown + " with the moving tag '" + ref.tag +
                 "': a new push changes what the next task runs (pin a digest, or a commit-hash / "
                 "SemVer tag in an IMMUTABLE repository)");
    return;
  }
  if (cdk_asset_image(ref)) return;
  const bool release =
      full_match(o.commit_tag_pattern, ref.tag) || full_match(o.semver_tag_pattern, ref.tag);
  const std::string tag = "tag '" + ref.tag + "'";
  const std::string not_release =
      ", whose " + tag + " is neither a commit hash nor a SemVer version";
  if (const auto* repo = find_repository(ctx.stack(), td, img, ref)) {
    const std::string rname = repository_label(*repo);
    const Tri imm = tag_is_immutable(*repo, ref.tag);
    if (imm == Tri::kUnknown) {
      ctx.unknown(img.loc, path,
                  "whether repository '" + rname + "' protects " + tag +
                      " from being overwritten is not statically known");
    } else if (imm == Tri::kNo) {
      ctx.fail(img.loc, path,
               shown + (release ? ", whose " + tag : not_release + " and") +
                   " can be overwritten: repository '" + rname + "' has ImageTagMutability " +
                   mutability_label(*repo));
    } else if (!release) {
      ctx.warn(img.loc, path,
               shown + not_release + " (it cannot be overwritten in repository '" + rname +
                   "', but does not name the commit or release it holds)");
    }
    return;
  }
  if (!release) {
    ctx.fail(img.loc, path,
             shown + not_release +
                 " (pin a digest, or deploy a commit-hash / "
                 "SemVer tag from an IMMUTABLE repository)");
  } else if (ref.kind == RegistryKind::kEcr || ref.kind == RegistryKind::kUnknown) {
    ctx.unknown(img.loc, path,
                "the repository of image '" + printable(img.value) +
                    "' is not defined in the scanned templates, so whether " + tag +
                    " can be overwritten is not known");
  } else {
    ctx.warn(img.loc, path,
             shown + " from " + ref.registry + ", where " + tag +
                 " can be re-pushed by the publisher: pin the image digest (@sha256:...)");
  }
}

constexpr std::string_view kInputs[] = {"cloudformation", "task-definition"};

}  // namespace

extern const engine::CheckDef image_pinning;
const engine::CheckDef image_pinning{
    .id = "REG-009",
    .rationale =
        "ECS resolves an image tag to a digest when a deployment starts, so a moving tag such as "
        "latest makes every deployment (and an old task definition revision used for a "
        "rollback) run whatever was pushed last, unreviewed and possibly unscanned. Pinning the "
        "digest, or deploying commit-hash or SemVer tags from a repository whose tags are "
        "immutable, makes the task definition say exactly which image runs.",
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
    .on_container = run,
};

}  // namespace ecsguard::checks::registry
