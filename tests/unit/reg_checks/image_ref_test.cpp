#include <gtest/gtest.h>

// model::ImageRef, parsed by the builders from (partially known) image text.
#include "ecsguard/model/image_ref.h"
#include "ecsguard/model/partial_str.h"

namespace ecsguard::model {
namespace {

using partial::has_known_text;
using partial::printable;

TEST(ImageRef, DockerHubShortNameHasNoTag) {
  const auto r = parse_image_ref("nginx");
  EXPECT_EQ(r.registry, "docker.io");
  EXPECT_FALSE(r.registry_written);
  EXPECT_EQ(r.repository, "library/nginx");
  EXPECT_TRUE(r.tag_known);
  EXPECT_FALSE(r.has_tag);
  EXPECT_EQ(r.kind, RegistryKind::kOther);
}

TEST(ImageRef, EcrUriWithTagAndDigest) {
  const auto r = parse_image_ref(
      "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app:v1.2.3@sha256:"
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  EXPECT_EQ(r.kind, RegistryKind::kEcr);
  EXPECT_EQ(r.repository, "team/app");
  EXPECT_TRUE(r.has_tag);
  EXPECT_EQ(r.tag, "v1.2.3");
  EXPECT_TRUE(is_sha256_digest(r.digest));
}

TEST(ImageRef, RegistryWithPortIsNotATag) {
  const auto r = parse_image_ref("localhost:5000/app");
  EXPECT_EQ(r.registry, "localhost:5000");
  EXPECT_EQ(r.repository, "app");
  EXPECT_FALSE(r.has_tag);
  EXPECT_EQ(r.kind, RegistryKind::kOther);
}

TEST(ImageRef, PartialHostWithKnownTagIsJudgedOnTheTag) {
  const auto r = parse_image_ref("\x1A.dkr.ecr.\x1A.amazonaws.com/app:latest");
  EXPECT_EQ(r.kind, RegistryKind::kEcr);
  EXPECT_EQ(r.repository, "app");
  EXPECT_TRUE(r.tag_known);
  EXPECT_EQ(r.tag, "latest");
  EXPECT_TRUE(r.digest_known);
}

TEST(ImageRef, UnknownTagSegment) {
  const auto r = parse_image_ref("\x1A.dkr.ecr.\x1A.amazonaws.com/app:\x1A");
  EXPECT_FALSE(r.tag_known);
  const auto bare = parse_image_ref("\x1A");
  EXPECT_FALSE(bare.tag_known);
  EXPECT_FALSE(bare.digest_known);
  EXPECT_EQ(bare.kind, RegistryKind::kUnknown);
  const auto joined = parse_image_ref("\x1A:v1.0.0");  // Fn::Join [Ref Repo, ":v1.0.0"]
  EXPECT_TRUE(joined.tag_known);
  EXPECT_EQ(joined.tag, "v1.0.0");
  EXPECT_EQ(joined.kind, RegistryKind::kUnknown);
}

TEST(ImageRef, UserinfoAndPublicEcr) {
  const auto r = parse_image_ref("https://bob:hunter2@registry.example.com/app:1.0.0");
  EXPECT_EQ(r.userinfo, "bob:hunter2");
  EXPECT_EQ(r.registry, "registry.example.com");
  EXPECT_EQ(r.kind, RegistryKind::kOther);
  EXPECT_EQ(parse_image_ref("public.ecr.aws/nginx/nginx:1.25.3").kind, RegistryKind::kEcrPublic);
  EXPECT_EQ(parse_image_ref("\x1A.azurecr.io/app:1").kind, RegistryKind::kOther);
  const auto d = parse_image_ref("nginx@sha256:abc");
  EXPECT_TRUE(d.userinfo.empty());
  EXPECT_FALSE(is_sha256_digest(d.digest));
}

TEST(Printable, MarksUnknownSegments) {
  EXPECT_EQ(printable("\x1A.dkr.ecr/app"), "${?}.dkr.ecr/app");
  EXPECT_TRUE(has_known_text("\x1A/x"));
  EXPECT_FALSE(has_known_text("\x1A\x1A"));
  EXPECT_FALSE(has_known_text(""));
}

}  // namespace
}  // namespace ecsguard::model
