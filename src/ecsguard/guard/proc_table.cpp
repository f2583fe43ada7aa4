#include "ecsguard/guard/proc_table.h"

namespace ecsguard::guard {

std::string_view ProcInfo::argv0() const noexcept {
  std::string_view c(cmdline);
  return c.substr(0, c.find('\0'));
}

std::string ProcInfo::args() const {
  std::size_t nul = cmdline.find('\0');
  if (nul == std::string::npos) return {};
  std::string out = cmdline.substr(nul + 1);
  for (char& ch : out) {
    if (ch == '\0') ch = ' ';
  }
  return out;
}

ProcInfo& ProcTable::add_root(pid_t pid, std::int64_t now_ns) {
  if (auto it = live_.find(pid); it != live_.end()) entries_.erase(it->second);
  std::uint64_t uid = next_uid_++;
  ProcInfo& p = entries_[uid];
  p.pid = pid;
  p.uid = uid;
  p.start_ns = now_ns;
  live_[pid] = uid;
  return p;
}

void ProcTable::add_thread(pid_t tid, pid_t tgid) {
  if (tid == tgid) return;
  if (threads_.size() + entries_.size() >= max_entries_) {
    ++dropped_;
    return;
  }
  threads_[tid] = tgid;
}

ProcInfo* ProcTable::add_process(pid_t pid, pid_t parent_tgid, std::int64_t now_ns) {
  if (auto* existing = find(pid)) return existing;  // reported twice (event order races)
  if (threads_.size() + entries_.size() >= max_entries_) {
    ++dropped_;
    return nullptr;
  }
  std::uint64_t uid = next_uid_++;
  ProcInfo child;
  child.pid = pid;
  child.uid = uid;
  child.start_ns = now_ns;
  if (auto* parent = find(parent_tgid)) {
    // fork copies the parent's image: same exe, cmdline and comm until the child execs.
    child.ppid = parent_tgid;
    child.parent_uid = parent->uid;
    child.comm = parent->comm;
    child.exepath = parent->exepath;
    child.cmdline = parent->cmdline;
    child.exe_written = parent->exe_written;
    child.exe_from_memfd = parent->exe_from_memfd;
    child.root = parent->root;  // fork shares the root directory
    ++parent->refs;
  }
  live_[pid] = uid;
  auto [it, ok] = entries_.emplace(uid, std::move(child));
  return &it->second;
}

ProcInfo* ProcTable::on_exec(pid_t tgid, pid_t old_tid) {
  if (old_tid != tgid) threads_.erase(old_tid);  // the exec'ing thread took over the leader's id
  // All other threads of the group are gone after a successful exec.
  for (auto it = threads_.begin(); it != threads_.end();) {
    if (it->second == tgid) {
      it = threads_.erase(it);
    } else {
      ++it;
    }
  }
  return find(tgid);
}

void ProcTable::on_exit(pid_t tid) {
  if (threads_.erase(tid) != 0) return;
  auto it = live_.find(tid);
  if (it == live_.end()) return;
  std::uint64_t uid = it->second;
  live_.erase(it);
  if (ProcInfo* p = by_uid(uid)) {
    p->alive = false;
    if (p->refs == 0) release(uid);
  }
}

void ProcTable::release(std::uint64_t uid) {
  // Remove a dead entry nobody refers to, then walk up: the parent may now be removable too.
  while (uid != 0) {
    auto it = entries_.find(uid);
    if (it == entries_.end() || it->second.alive || it->second.refs != 0) return;
    std::uint64_t parent = it->second.parent_uid;
    entries_.erase(it);
    ProcInfo* p = by_uid(parent);
    if (p == nullptr) return;
    if (p->refs > 0) --p->refs;
    uid = parent;
  }
}

std::vector<pid_t> ProcTable::live_pids() const {
  std::vector<pid_t> out;
  out.reserve(live_.size());
  for (const auto& [pid, uid] : live_) out.push_back(pid);
  return out;
}

pid_t ProcTable::tgid_of(pid_t tid) const noexcept {
  auto it = threads_.find(tid);
  return it == threads_.end() ? tid : it->second;
}

ProcInfo* ProcTable::by_uid(std::uint64_t uid) noexcept {
  auto it = entries_.find(uid);
  return it == entries_.end() ? nullptr : &it->second;
}

const ProcInfo* ProcTable::by_uid(std::uint64_t uid) const noexcept {
  auto it = entries_.find(uid);
  return it == entries_.end() ? nullptr : &it->second;
}

ProcInfo* ProcTable::find(pid_t tgid) noexcept {
  auto it = live_.find(tgid);
  return it == live_.end() ? nullptr : by_uid(it->second);
}

const ProcInfo* ProcTable::find(pid_t tgid) const noexcept {
  auto it = live_.find(tgid);
  return it == live_.end() ? nullptr : by_uid(it->second);
}

const ProcInfo* ProcTable::ancestor(const ProcInfo& p, unsigned n) const noexcept {
  const ProcInfo* cur = &p;
  for (unsigned i = 0; i < n && cur != nullptr; ++i) {
    if (cur->parent_uid == 0) return nullptr;
    cur = by_uid(cur->parent_uid);
  }
  return cur;
}

}  // namespace ecsguard::guard
