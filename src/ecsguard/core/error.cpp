#include "ecsguard/core/error.h"

namespace ecsguard::core {

std::string_view to_string(Errc c) noexcept {
  switch (c) {
    case Errc::kIo:
      return "io";
    case Errc::kSyntax:
      return "syntax";
    case Errc::kLimit:
      return "limit";
    case Errc::kUnsupported:
      return "unsupported";
    case Errc::kInvalid:
      return "invalid";
    case Errc::kSkipped:
      return "skipped";
    case Errc::kInternal:
      return "internal";
    case Errc::kUsage:
      return "usage";
  }
  return "internal";
}

}  // namespace ecsguard::core
