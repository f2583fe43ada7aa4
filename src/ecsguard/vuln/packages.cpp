#include "ecsguard/vuln/packages.h"

#include <utility>

#include "ecsguard/core/strings.h"

namespace ecsguard::vuln {

namespace {

// Calls fn(key, value) for each "Key<sep>value" line of one record, and flush() at each blank line
// and at the end.
template <class Field, class Flush>
void records(std::string_view text, char sep, Field&& field, Flush&& flush) {
  std::size_t pos = 0;
  bool any = false;
  while (pos <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = nl + 1;
    if (core::trim(line).empty()) {
      if (any && !flush()) return;
      any = false;
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') continue;  // continuation
    const std::size_t colon = line.find(sep);
    if (colon == std::string_view::npos) continue;
    field(line.substr(0, colon), core::trim(line.substr(colon + 1)));
    any = true;
  }
  if (any) flush();
}

std::string unquote(std::string_view v) {
  v = core::trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

}  // namespace

PackageList parse_dpkg_status(std::string_view text, std::string_view ecosystem,
                              std::size_t max_packages) {
  PackageList out;
  InstalledPackage cur;
  std::string status;
  std::string source_version;
  const auto reset = [&] {
    cur = InstalledPackage{};
    status.clear();
    source_version.clear();
  };
  records(
      text, ':',
      [&](std::string_view k, std::string_view v) {
        if (k == "Package") cur.name = v;
        if (k == "Version") cur.version = v;
        if (k == "Status") status = v;
        if (k == "Source") {  // "openssl" or "openssl (3.0.11-1~deb12u2)"
          const std::size_t paren = v.find('(');
          cur.source = core::trim(v.substr(0, paren));
          if (paren != std::string_view::npos) {
            const std::size_t close = v.find(')', paren);
            source_version = core::trim(v.substr(paren + 1, close == std::string_view::npos
                                                                ? std::string_view::npos
                                                                : close - paren - 1));
          }
        }
      },
      [&] {
        // No Status field: a distroless status.d file, installed by construction.
        const bool installed = status.empty() || status == "install ok installed";
        if (installed && !cur.name.empty() && !cur.version.empty()) {
          if (out.packages.size() >= max_packages) {
            out.truncated = true;
            return false;
          }
          if (!source_version.empty()) cur.version = source_version;
          cur.ecosystem = ecosystem;
          out.packages.push_back(std::move(cur));
        }
        reset();
        return true;
      });
  return out;
}

PackageList parse_apk_installed(std::string_view text, std::string_view ecosystem,
                                std::size_t max_packages) {
  PackageList out;
  InstalledPackage cur;
  records(
      text, ':',
      [&](std::string_view k, std::string_view v) {
        if (k == "P") cur.name = v;
        if (k == "V") cur.version = v;
        if (k == "o") cur.source = v;
      },
      [&] {
        if (!cur.name.empty() && !cur.version.empty()) {
          if (out.packages.size() >= max_packages) {
            out.truncated = true;
            return false;
          }
          cur.ecosystem = ecosystem;
          // Alpine advisories name the origin (source) package too.
          out.packages.push_back(std::move(cur));
        }
        cur = InstalledPackage{};
        return true;
      });
  return out;
}

std::string ecosystem_from_os_release(std::string_view text) {
  std::string id, version;
  records(
      text, '=',
      [&](std::string_view k, std::string_view v) {
        if (k == "ID") id = unquote(v);
        if (k == "VERSION_ID") version = unquote(v);
      },
      [] { return true; });
  return osv_ecosystem(id, version);
}

}  // namespace ecsguard::vuln
