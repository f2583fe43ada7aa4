#pragma once
// Report strings added by the [platform] edges work, English and Japanese, with named arguments
// ({tool}, {version}). They move into the message catalogue (src/ecsguard/i18n/) when it lands;
// until then the English text is printed.
#include <string_view>

namespace ecsguard::report::messages {

struct Message {
  std::string_view id;
  std::string_view en;
  std::string_view ja;
};

// Table summary of a run that recognised no input: no layer results, no PASSED.
inline constexpr Message kScannedNothing{
    "report.scanned_nothing",
    "{tool} {version} · nothing scanned: no CloudFormation template or ECS task definition was "
    "found in the given paths, so no layer has a result",
    "{tool} {version} · スキャン対象なし: 指定したパスに CloudFormation テンプレートも ECS "
    "タスク定義も見つからなかったため、どのレイヤーも判定していません"};

inline constexpr Message kAll[] = {kScannedNothing};

}  // namespace ecsguard::report::messages
