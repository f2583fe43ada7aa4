#include "ecsguard/guard/messages.h"

#include <array>
#include <atomic>
#include <cstdlib>

namespace ecsguard::guard::msg {
namespace {

// clang-format off
constexpr auto kEntries = std::to_array<Entry>({
    {"ptrace.add_capability",
     "The container needs the SYS_PTRACE capability (Fargate platform version 1.4.0 or later). "
     "Add it to the container definition:\n"
     "  task definition JSON: \"linuxParameters\": {\"capabilities\": {\"add\": [\"SYS_PTRACE\"]}}\n"
     "  CloudFormation:       LinuxParameters: {Capabilities: {Add: [SYS_PTRACE]}}\n"
     "  AWS CDK:              container.linuxParameters.addCapabilities(ecs.Capability.SYS_PTRACE)\n"
     "ecsguard drops the capability from the application before it starts, so the app never holds it.",
     "コンテナに SYS_PTRACE ケーパビリティが必要です (Fargate プラットフォームバージョン 1.4.0 以降)。"
     "コンテナ定義に追加してください:\n"
     "  タスク定義 JSON:  \"linuxParameters\": {\"capabilities\": {\"add\": [\"SYS_PTRACE\"]}}\n"
     "  CloudFormation:   LinuxParameters: {Capabilities: {Add: [SYS_PTRACE]}}\n"
     "  AWS CDK:          container.linuxParameters.addCapabilities(ecs.Capability.SYS_PTRACE)\n"
     "ecsguard はアプリ起動前にこのケーパビリティを外すため、アプリ自身が持つことはありません。"},
    {"ptrace.non_root",
     "ecsguard runs as user {uid}, not root: it traces its own child without any capability "
     "(SYS_PTRACE is not needed, and a non-root user does not get it on Fargate anyway). The "
     "kernel refused all the same: Yama's kernel.yama.ptrace_scope is {scope} (2: only "
     "CAP_SYS_PTRACE may trace, 3: nobody may) or the container's seccomp profile denies ptrace.",
     "ecsguard は root ではなくユーザー {uid} で動いています。自分の子プロセスのトレースにケーパビリティは"
     "不要です (SYS_PTRACE は要らず、Fargate では非 root ユーザーに付与もされません)。それでもカーネルが"
     "拒否しました。Yama の kernel.yama.ptrace_scope が {scope} (2: CAP_SYS_PTRACE を持つプロセスのみ、"
     "3: 全面禁止) か、コンテナの seccomp プロファイルが ptrace を禁止しています。"},
    {"ptrace.yama_disabled",
     "Yama's kernel.yama.ptrace_scope is 3 on this host: no process may use ptrace, whatever its "
     "capabilities.",
     "このホストでは Yama の kernel.yama.ptrace_scope が 3 です。ケーパビリティに関係なく、どのプロセスも "
     "ptrace を使えません。"},
    {"record.started",
     "ecsguard guard {version} supervising {command} | mode={mode} supervision={supervision} "
     "rules_enabled={enabled} traced={traced}",
     "ecsguard guard {version} が {command} を監視中 | mode={mode} supervision={supervision} "
     "rules_enabled={enabled} traced={traced}"},
    {"record.dropped",
     "Alerts were not delivered to {sink}: its queue was full, or it still failed after the "
     "retries (those alerts are written to stdout instead) | dropped={dropped} "
     "total_dropped={total}",
     "アラートを {sink} に届けられませんでした。キューが満杯だったか、再試行しても送信に失敗しました "
     "(後者のアラートは代わりに標準出力へ書き出しています) | dropped={dropped} total_dropped={total}"},
    {"record.heartbeat",
     "ecsguard is running | sink={sink} events={events} alerts={alerts} delivered={delivered} "
     "dropped={dropped} undelivered={undelivered}",
     "ecsguard は稼働中です | sink={sink} events={events} alerts={alerts} delivered={delivered} "
     "dropped={dropped} undelivered={undelivered}"},
    {"record.stopped",
     "ecsguard stopped | sink={sink} events={events} alerts={alerts} delivered={delivered} "
     "dropped={dropped} undelivered={undelivered}",
     "ecsguard を停止しました | sink={sink} events={events} alerts={alerts} delivered={delivered} "
     "dropped={dropped} undelivered={undelivered}"},
    {"catalog.rule",
     "rule \"{rule}\" ({priority}): monitor: alert; enforce: {enforce}",
     "ルール「{rule}」({priority}): monitor モード: アラート / enforce モード: {enforce}"},
    {"catalog.rule_disabled",
     "rule \"{rule}\": shipped disabled ({reason}); enable it in a local rules file",
     "ルール「{rule}」: 既定では無効 ({reason})。ローカルのルールファイルで有効化できます"},
    {"catalog.enforce_deny", "deny the system call (EPERM) at its entry",
     "システムコールを入口で拒否 (EPERM)"},
    {"catalog.enforce_kill", "kill the process (SIGKILL)", "プロセスを強制終了 (SIGKILL)"},
    {"catalog.enforce_none", "alert only", "アラートのみ"},
    {"catalog.gates",
     "built-in gates (always on, not rules): io_uring_setup denied, i386/x32 system calls denied, "
     "ptrace of the supervisor denied — in both modes",
     "組み込みゲート (ルールではなく常時有効): io_uring_setup の拒否、i386/x32 システムコールの拒否、"
     "監視プロセスへの ptrace の拒否 — どちらのモードでも"},
    {"catalog.profile",
     "with --profile (from `ecsguard scan --emit-guard-profile`): the stack's declared "
     "executables, writable paths and listening ports become rules for this check too",
     "--profile 指定時 (`ecsguard scan --emit-guard-profile` の出力): スタックで宣言された実行ファイル・"
     "書き込み可能パス・待ち受けポートもこのチェックのルールになります"},
});
// clang-format on

std::atomic<Lang> g_lang{Lang::kEn};

bool japanese(const char* v) { return v != nullptr && v[0] == 'j' && v[1] == 'a'; }

}  // namespace

std::span<const Entry> all() { return kEntries; }

Lang language_from_env() {
  for (const char* name : {"ECSGUARD_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read once at start
    if (v != nullptr && *v != '\0') return japanese(v) ? Lang::kJa : Lang::kEn;
  }
  return Lang::kEn;
}

void set_language(Lang lang) noexcept { g_lang.store(lang); }
Lang language() noexcept { return g_lang.load(); }

std::string text(std::string_view id, Lang lang, Args args) {
  std::string_view tmpl = id;
  for (const auto& e : kEntries) {
    if (e.id == id) {
      tmpl = lang == Lang::kJa ? e.ja : e.en;
      break;
    }
  }
  std::string out;
  out.reserve(tmpl.size() + 32);
  std::size_t i = 0;
  while (i < tmpl.size()) {
    std::size_t open = tmpl.find('{', i);
    std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) {
      out.append(tmpl.substr(i));
      break;
    }
    out.append(tmpl.substr(i, open - i));
    std::string_view name = tmpl.substr(open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [k, v] : args) {
      if (k == name) value = &v;
    }
    if (value != nullptr) {
      out += *value;
    } else {
      out.append(tmpl.substr(open, close - open + 1));
    }
    i = close + 1;
  }
  return out;
}

std::string text(std::string_view id, Args args) { return text(id, language(), args); }

}  // namespace ecsguard::guard::msg
