#pragma once
// The scan's table of input files: FileId -> display path. Ids are assigned in discovery order
// (which is sorted), so output does not depend on thread scheduling.
#include <deque>
#include <mutex>
#include <string>
#include <string_view>

#include "ecsguard/core/location.h"

namespace ecsguard::core {

class FileTable {
 public:
  FileTable() { paths_.emplace_back(); }  // id 0 = no file
  FileId add(std::string display_path) {
    std::lock_guard lock(mu_);
    paths_.push_back(std::move(display_path));
    return static_cast<FileId>(paths_.size() - 1);
  }
  // Stable reference: std::deque never moves existing elements on push_back.
  [[nodiscard]] const std::string& path(FileId id) const {
    std::lock_guard lock(mu_);
    return id < paths_.size() ? paths_[id] : paths_[0];
  }
  [[nodiscard]] std::size_t size() const {
    std::lock_guard lock(mu_);
    return paths_.size();
  }

 private:
  mutable std::mutex mu_;
  std::deque<std::string> paths_;
};

}  // namespace ecsguard::core
