#pragma once
// The Terraform frontend: `.tf` files (HCL native syntax) -> the model. Each file is built in the
// context of its module (module_files.h: the `.tf` files of its folder, read through the scan's
// loader) and contributes the resources declared in it (resources.h); values are evaluated
// statically (eval/evaluator.h), unknowns stay unknown with the reason.
#include <string_view>

#include "ecsguard/parse/frontend.h"

namespace ecsguard::parse::terraform {

[[nodiscard]] Confidence sniff(std::string_view path, std::string_view bytes) noexcept;
[[nodiscard]] Fragment build(const FrontendInput& in);

inline constexpr Frontend kFrontend{"terraform", &sniff, &build};

}  // namespace ecsguard::parse::terraform
