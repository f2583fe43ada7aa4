#pragma once
// The scan's table of input files: FileId -> display path and identity path. Ids are assigned in
// discovery order (which is sorted), so output does not depend on thread scheduling.
//
// The display path is how a report shows the file (as typed, or relative to what was typed). The
// identity path is what a finding's fingerprint uses: relative to the git work tree root, or to the
// scanned directory when there is none (core/path.h), so it does not change with the working
// directory or the way the path was typed.
#include <deque>
#include <mutex>
#include <string>
#include <string_view>

#include "ecsguard/core/location.h"

namespace ecsguard::core {

class FileTable {
 public:
  FileTable() { files_.emplace_back(); }  // id 0 = no file
  // `identity` empty: the display path stands in until set_identity().
  FileId add(std::string display_path, std::string identity = {}) {
    std::lock_guard lock(mu_);
    files_.push_back(Entry{std::move(display_path), std::move(identity)});
    return static_cast<FileId>(files_.size() - 1);
  }
  // Stable reference: std::deque never moves existing elements on push_back.
  [[nodiscard]] const std::string& path(FileId id) const {
    std::lock_guard lock(mu_);
    return id < files_.size() ? files_[id].display : files_[0].display;
  }
  [[nodiscard]] const std::string& identity(FileId id) const {
    std::lock_guard lock(mu_);
    const Entry& e = id < files_.size() ? files_[id] : files_[0];
    return e.identity.empty() ? e.display : e.identity;
  }
  void set_identity(FileId id, std::string identity) {
    std::lock_guard lock(mu_);
    if (id != 0 && id < files_.size()) files_[id].identity = std::move(identity);
  }
  [[nodiscard]] std::size_t size() const {
    std::lock_guard lock(mu_);
    return files_.size();
  }

 private:
  struct Entry {
    std::string display;
    std::string identity;
  };
  mutable std::mutex mu_;
  std::deque<Entry> files_;
};

}  // namespace ecsguard::core
