#pragma once
// The resolved view of a parsed Dockerfile: per stage, what BuildKit would build with, as far as
// the Dockerfile alone says it.
//
// Scoping follows BuildKit (dockerfile2llb): ARGs before the first FROM are global and visible to
// FROM lines only (a stage sees one after `ARG NAME` re-declares it); TARGETPLATFORM, TARGETOS,
// TARGETARCH, TARGETVARIANT, BUILDPLATFORM, BUILDOS, BUILDARCH, BUILDVARIANT are predefined
// (unknown values: they depend on the build); a stage starts with no ARGs and the ENV, USER,
// WORKDIR, EXPOSE, CMD, ENTRYPOINT, HEALTHCHECK and SHELL of its parent when FROM names an earlier
// stage; ENV wins over ARG; an ARG default is taken as the value unless `build_args` overrides it;
// an ARG without default (and without build arg) is unknown.
// A name that is not in scope expands to "" in FROM lines and in stages built on `scratch`, and is
// unknown in a stage built on another image (its ENV may define it).
// Not modelled: ONBUILD triggers of a parent stage (recorded, not replayed), the base image's own
// USER/ENV/config (unknown here; the image layer supplies them).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "ecsguard/parse/dockerfile/dockerfile.h"
#include "ecsguard/parse/dockerfile/expand.h"

namespace ecsguard::parse::dockerfile {

struct ResolvedValue {
  Expanded value;
  std::size_t instruction = 0;  // index into Dockerfile::instructions where it was set
  core::Loc loc;
};

struct ResolvedStage {
  std::size_t index = 0;
  std::string name;                       // lower case, "" when unnamed
  ResolvedValue base;                     // FROM's image after expansion with the global ARGs
  std::optional<ResolvedValue> platform;  // FROM --platform
  std::optional<std::size_t> parent;      // FROM names an earlier stage
  bool scratch = false;                   // FROM scratch (also through parent stages)
  // The last USER of the stage or of its parent stages; std::nullopt: none, so the base image's
  // user applies (root for scratch).
  std::optional<ResolvedValue> user;
  std::optional<ResolvedValue> workdir;
  std::vector<Var> env;   // ENV in effect at the end of the stage
  std::vector<Var> args;  // ARGs in scope at the end of the stage
  std::vector<ResolvedValue> expose;
  std::optional<std::size_t> cmd, entrypoint, healthcheck, shell;  // instruction indices

  // The stage that names the real base image (this one, or the first of its parent chain).
  [[nodiscard]] bool from_stage() const noexcept { return parent.has_value(); }
};

struct Resolved {
  std::vector<Var> global_args;
  std::vector<ResolvedStage> stages;
  std::optional<std::size_t> final_stage;  // the last stage: what `docker build` ships
  std::vector<Diagnostic> diagnostics;     // expansion errors, located

  // The stage at the root of `i`'s parent chain (whose base is an image or scratch).
  [[nodiscard]] const ResolvedStage& root_of(std::size_t i) const;
};

Resolved resolve(const Dockerfile& df, const Limits& limits = {},
                 const std::vector<Var>& build_args = {});

}  // namespace ecsguard::parse::dockerfile
