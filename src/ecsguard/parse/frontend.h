#pragma once
// Input formats as frontends. A frontend is one folder under parse/ (cfn/, taskdef/, later
// terraform/, dockerfile/) and one entry in the constexpr list of parse/frontend.cpp (no static
// constructors, STYLE.md §6):
//   sniff(path, bytes) -> how sure it is that the file is its input (bytes may be only the first
//                         kSniffBytes of the file, or empty when discovery asks by name alone);
//   build(one file)    -> a model fragment plus located diagnostics, or "not mine" (recognised =
//                         false) when the content turns out to be something else.
// The scan asks the frontends in order of confidence (registry order breaks ties); the first that
// recognises the file builds it. A frontend that needs a second file (a nested stack template;
// later Terraform modules, templatefile, Docker build contexts) reads it only through the
// FileLoader the scan passes in: containment, limits and the symlink policy live there (scan/).
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ecsguard/core/error.h"
#include "ecsguard/core/file_table.h"
#include "ecsguard/core/limits.h"
#include "ecsguard/model/stack.h"
#include "ecsguard/parse/node.h"

namespace ecsguard::parse {

// How sure a frontend is that a file is its input. kNo: never; kName: only by its name (a
// candidate for discovery, the content decides); kLikely: its name or content carries the
// format's markers (a file that then fails to parse is lost input, not an unrelated file).
enum class Confidence : unsigned char { kNo, kName, kLikely };

inline constexpr std::size_t kSniffBytes = 4096;

// A second file a frontend reads on behalf of the file it builds. Implemented by the scan
// (scan/file_loader.h); a frontend never opens files itself.
struct LoadedFile {
  std::string text;
  std::string fs_path;  // canonical path
  std::string display;  // as reports show it
  core::FileId file = 0;
};

class FileLoader {
 public:
  FileLoader() = default;
  FileLoader(const FileLoader&) = delete;
  FileLoader& operator=(const FileLoader&) = delete;
  FileLoader(FileLoader&&) = delete;
  FileLoader& operator=(FileLoader&&) = delete;
  virtual ~FileLoader() = default;

  // Reads `reference` (a path as written in `from`: relative to from's folder, or absolute).
  // Refused (kSkipped, the message names the resolved path): outside the containment root or
  // reached through a symlink that leaves it. kIo: not there / unreadable; kLimit: too large.
  // On success the file is in the scan's file table (LoadedFile::file). Error messages do not
  // repeat the reference (callers name it) and read as "<reference> <message>".
  [[nodiscard]] virtual core::Result<LoadedFile> load(const std::string& from_fs_path,
                                                      const std::string& from_display,
                                                      std::string_view reference) = 0;
  // The canonical path `reference` names, "" when it does not exist (no containment check, no
  // read): lets a frontend refuse a cycle before reading the file again.
  [[nodiscard]] virtual std::string resolve(const std::string& from_fs_path,
                                            std::string_view reference) const = 0;
  // The names of the regular files in the folder of `from_fs_path` (sorted, the file itself
  // included), or none when that folder lies outside the containment root. Lets a frontend whose
  // unit is a folder (a Terraform module: every .tf file of one directory) find its siblings,
  // which it then reads with load(). No default listing: loaders that cannot list return {}.
  [[nodiscard]] virtual std::vector<std::string> list_folder(
      const std::string& from_fs_path) const {
    (void)from_fs_path;
    return {};
  }
};

// One input file as a frontend sees it.
struct SourceFile {
  std::string_view text;
  core::FileId file = 0;
  std::string fs_path;  // "" when the file has no path on disk (tests, fuzzers)
  std::string display;  // the path reports show (what sniff looks at)
};

struct Fragment {
  bool recognised = false;  // false: not this frontend's input; the next one is asked
  // Set when the text could not be parsed at all (bad JSON/YAML, a limit): the first such error.
  std::optional<core::Error> unreadable;
  model::Stack stack;
  std::vector<core::Error> errors;        // located problems; the rest of the file still counts
  std::vector<std::string> nested_paths;  // second files built as part of this one (canonical)
};

struct FrontendInput {
  SourceFile source;
  core::FileTable* files = nullptr;  // display paths; second files are added by the loader
  FileLoader* loader = nullptr;      // nullptr: second files are not read (a diagnostic says so)
  core::Limits limits;
  // The JSON/YAML document of `source`, parsed once for every frontend that asks (frontends of
  // structured formats share it; see structured_document()).
  mutable std::optional<core::Result<Node>> document;
};

// The source parsed as JSON or YAML (once per FrontendInput).
[[nodiscard]] const core::Result<Node>& structured_document(const FrontendInput& in);
// The same for a frontend's build: the document, or nullptr with `out.unreadable` set.
[[nodiscard]] const Node* structured_document(const FrontendInput& in, Fragment& out);

using SniffFn = Confidence (*)(std::string_view path, std::string_view bytes) noexcept;
using BuildFn = Fragment (*)(const FrontendInput& in);

struct Frontend {
  std::string_view name;  // "cloudformation", "task-definition", ...
  SniffFn sniff = nullptr;
  BuildFn build = nullptr;
};

// Every frontend, in the order that breaks confidence ties.
[[nodiscard]] std::span<const Frontend> frontends() noexcept;

// Frontends that may own `path`/`bytes` (confidence above kNo), most confident first.
[[nodiscard]] std::vector<const Frontend*> candidates(std::string_view path,
                                                      std::string_view bytes);

// Discovery: is a file with this name worth reading (some frontend answers at least kName)?
[[nodiscard]] bool wanted_by_name(std::string_view path) noexcept;

// A file whose content could not be parsed: does any frontend find its markers in it (then the
// loss is an input error, not an unrelated file)?
[[nodiscard]] bool looks_like_input(std::string_view path, std::string_view text) noexcept;

// Builds one file with the first candidate frontend that recognises it. When none does, the
// fragment is unrecognised and carries the first parse error met (if any), so callers can tell
// "unrelated file" from "broken input".
[[nodiscard]] Fragment build_file(const FrontendInput& in);

}  // namespace ecsguard::parse
